-- platform-commons: the transactional outbox and the consumer inbox (DESIGN section 6).
-- Every service runs this migration from its own database (flyway location db/commons).

create table outbox_event (
    id             bigserial primary key,
    event_id       text        not null unique,
    topic          text        not null,
    aggregate_key  text        not null,
    event_type     text        not null,
    source         text        not null,
    subject        text,
    merchant_id    text,
    livemode       boolean,
    request_id     text,
    occurred_at    timestamptz not null default now(),
    payload        jsonb       not null,
    published_at   timestamptz
);

-- The relay only ever reads unpublished rows, oldest first.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Wake the relay on commit (NOTIFY is delivered when the inserting transaction commits).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end;
$$;

create trigger outbox_event_inserted
    after insert on outbox_event
    for each statement execute function outbox_event_notify();

create table inbox_event (
    consumer      text        not null,
    event_id      text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
