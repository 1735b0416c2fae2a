-- Retention (docs/webhooks.md, "Retention"): an event past events.retention.events goes with its
-- deliveries and their attempts in one delete, oldest first, read from this index.
alter table delivery drop constraint delivery_event_id_fkey,
    add constraint delivery_event_id_fkey foreign key (event_id) references event (id) on delete cascade;
create index event_by_age on event (created_at);
