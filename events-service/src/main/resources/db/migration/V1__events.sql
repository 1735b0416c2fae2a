-- events-service: the merchant's event log, webhook endpoints, deliveries and their attempts
-- (docs/webhooks.md). Every row carries merchant_id and livemode and every query filters on both.

-- Every CloudEvent of the platform's topics that belongs to a merchant, as it came (ce_* headers
-- and the JSON data), plus its place in its object's stream.
create table event (
    id           text        primary key,
    merchant_id  text        not null,
    livemode     boolean     not null,
    type         text        not null,
    source       text        not null,
    subject      text,
    request_id   text,
    -- ce_time: when the owning service made the change
    created_at   timestamptz not null,
    received_at  timestamptz not null,
    -- the n-th event of its subject (1, 2, ...): receivers drop stale updates that arrive late
    sequence     bigint      not null check (sequence > 0),
    -- the CloudEvent's data as it came (JSON text, cast to jsonb to query it)
    data         text        not null check (data::jsonb is not null)
);

create index event_by_tenant on event (merchant_id, livemode, created_at desc, id desc);
create index event_by_tenant_type on event (merchant_id, livemode, type, created_at desc, id desc);

-- Each id an event is about (its subject and every pay_/pi_/sub_/re_/... id in its data), for
-- GET /v1/events?object_id=.
create table event_object (
    object_id    text        not null,
    event_id     text        not null references event (id) on delete cascade,
    merchant_id  text        not null,
    livemode     boolean     not null,
    primary key (object_id, event_id)
);

create index event_object_by_tenant on event_object (merchant_id, livemode, object_id);

-- The last sequence number given to each subject.
create table object_sequence (
    merchant_id  text    not null,
    livemode     boolean not null,
    object_id    text    not null,
    last_value   bigint  not null,
    primary key (merchant_id, livemode, object_id)
);

create table webhook_endpoint (
    id                        text        primary key,
    merchant_id               text        not null,
    livemode                  boolean     not null,
    url                       text        not null check (char_length(url) between 8 and 2048),
    description               text        check (char_length(description) <= 500),
    -- exact types, prefixes ("payment.*") or "*"
    enabled_events            text[]      not null check (cardinality(enabled_events) between 1 and 100),
    status                    text        not null check (status in ('enabled', 'disabled')),
    disabled_reason           text,
    -- the signing secret (whsec_...) sealed with AES-GCM under the service's key; never stored plain
    secret_sealed             text        not null,
    -- after a rotation the old secret keeps signing beside the new one until it expires
    previous_secret_sealed    text,
    previous_secret_expires_at timestamptz,
    -- the first failed attempt since the last success: an endpoint failing for too long is disabled
    failing_since             timestamptz,
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);

create index webhook_endpoint_by_tenant
    on webhook_endpoint (merchant_id, livemode, created_at desc, id desc);

-- One event to one endpoint: recorded in the transaction that stores the event, before any attempt,
-- so a crash never loses one.
create table delivery (
    id               text        primary key,
    event_id         text        not null references event (id),
    endpoint_id      text        not null references webhook_endpoint (id) on delete cascade,
    merchant_id      text        not null,
    livemode         boolean     not null,
    status           text        not null check (status in ('pending', 'succeeded', 'failed')),
    attempts         integer     not null default 0,
    -- attempts of the current series (a resend starts a new one)
    series_attempts  integer     not null default 0,
    next_attempt_at  timestamptz,
    -- a dispatcher holds the row while its attempt runs; an expired lease is picked up again
    lease_until      timestamptz,
    lease_token      text,
    last_attempt_at  timestamptz,
    last_http_status integer,
    last_error       text,
    created_at       timestamptz not null,
    unique (event_id, endpoint_id)
);

create index delivery_due on delivery (next_attempt_at) where status = 'pending';
create index delivery_by_endpoint_leased on delivery (endpoint_id) where lease_until is not null;
create index delivery_by_event on delivery (event_id);

create table delivery_attempt (
    id              text        primary key,
    delivery_id     text        not null references delivery (id) on delete cascade,
    endpoint_id     text        not null,
    event_id        text        not null,
    merchant_id     text        not null,
    livemode        boolean     not null,
    attempted_at    timestamptz not null,
    -- null when no HTTP answer came (refused, timed out, blocked address)
    http_status     integer,
    latency_ms      integer     not null,
    -- the first 2 KB of the answer
    response_body   text        check (char_length(response_body) <= 2048),
    error           text,
    outcome         text        not null check (outcome in ('succeeded', 'retrying', 'failed')),
    next_retry_at   timestamptz
);

create index delivery_attempt_by_endpoint
    on delivery_attempt (endpoint_id, attempted_at desc, id desc);
create index delivery_attempt_by_delivery on delivery_attempt (delivery_id, attempted_at);
