-- gateway-adapter (the edge): merchants, hashed API keys, idempotency records.

create table merchant (
    id                    text primary key,
    name                  text        not null,
    gateway_account_id    text,
    settlement_currency   char(3)     not null,
    local_currency        char(3)     not null,
    -- fee plan: percent in basis points (2.9% = 290) plus a fixed fee in settlement-currency minor units
    fee_basis_points      integer     not null check (fee_basis_points between 0 and 10000),
    fee_fixed             bigint      not null check (fee_fixed >= 0),
    statement_descriptor  text        not null,
    -- requests per second per key; null = the platform default for the mode
    rate_limit_test       integer     check (rate_limit_test > 0),
    rate_limit_live       integer     check (rate_limit_live > 0),
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index merchant_created on merchant (created_at desc, id desc);

create table api_key (
    id           text primary key,
    merchant_id  text        not null references merchant (id),
    livemode     boolean     not null,
    -- SHA-256 of the whole key; the key itself is shown once and never stored
    key_hash     bytea       not null unique,
    prefix       text        not null,
    last4        char(4)     not null,
    status       text        not null check (status in ('active', 'rolled', 'revoked')),
    created_at   timestamptz not null,
    -- set when rolled: the old key keeps working until then
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index api_key_merchant on api_key (merchant_id, created_at);

create table idempotency_record (
    merchant_id           text        not null,
    livemode              boolean     not null,
    idem_key              text        not null,
    fingerprint           text        not null,
    state                 text        not null check (state in ('in_flight', 'done')),
    response_status       integer,
    response_content_type text,
    response_body         bytea,
    created_at            timestamptz not null default now(),
    expires_at            timestamptz not null,
    primary key (merchant_id, livemode, idem_key)
);
create index idempotency_record_expiry on idempotency_record (expires_at);
