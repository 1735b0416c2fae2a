-- Gateway accounts (docs/connectors.md): which connector serves a merchant's live charges and how
-- it names the merchant to the acquirer. Operators manage them (/admin/gateway_accounts); the
-- merchant's record at the edge points to one (gateway_account_id).
create table gateway_account (
    id                        text primary key,
    kind                      text        not null check (kind in ('sandbox', 'iso8583')),
    status                    text        not null check (status in ('enabled', 'disabled')),
    host                      text,
    port                      int,
    terminal_id               text,
    card_acceptor_id          text,
    merchant_category_code    text,
    acquiring_institution_id  text,
    card_acceptor_name        text,
    settlement_currency       char(3)     not null,
    -- The connector's keys: a JSON object sealed with AES-256-GCM (checkout.gateway.sealing-key).
    sealed_credentials        text,
    credential_names          text[]      not null default '{}',
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);

-- The ISO 8583 connector's journal: one row per purchase or refund sent to an acquirer, written
-- before the request leaves, under the attempt's (or the refund's) idempotent reference.
create table iso8583_transaction (
    reference            text primary key,
    gateway_account_id   text        not null,
    kind                 text        not null check (kind in ('purchase', 'refund')),
    stan                 char(6),
    transmission         char(10),
    rrn                  char(12) unique,
    amount               bigint      not null,
    currency             char(3)     not null,
    original_reference   text,
    state                text        not null
        check (state in ('sent', 'approved', 'declined', 'reversing', 'reversed')),
    response_code        text,
    authorization_code   text,
    card_brand           text,
    card_last4           text,
    card_exp_month       int,
    card_exp_year        int,
    reversal_attempts    int         not null default 0,
    next_reversal_at     timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index iso8583_transaction_reversals on iso8583_transaction (next_reversal_at)
    where state = 'reversing';

-- The system trace audit number (DE 11): one sequence for every replica and restart.
create sequence iso8583_stan_seq minvalue 1 maxvalue 999999 cycle;
