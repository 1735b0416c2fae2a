-- platform-commons: a row Kafka refuses for good (too large, invalid) is parked after a few attempts,
-- so it cannot hold up every later event of the service. Rows of the same aggregate wait behind it
-- (per-key order); an operator replays it once the cause is fixed. (Applied out of order on
-- databases that already have a service's V1: quarkus.flyway.out-of-order=true.)
alter table outbox_event add column attempts   integer not null default 0;
alter table outbox_event add column last_error text;
alter table outbox_event add column parked_at  timestamptz;

create index outbox_event_parked on outbox_event (aggregate_key, id)
    where parked_at is not null and published_at is null;
