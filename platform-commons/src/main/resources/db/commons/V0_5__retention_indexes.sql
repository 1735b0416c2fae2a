-- The retention sweeps (docs/operations.md, "Retention") take the oldest rows past their retention
-- in batches: published outbox rows and handled inbox ids, read from these indexes.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index inbox_event_processed on inbox_event (processed_at);
