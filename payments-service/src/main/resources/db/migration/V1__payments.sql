-- payments-service: payments (the merchant's transaction record), the refunds applied to them, each
-- merchant's fee plan (from merchants.events) and the FX rates table with its history.

create table payment (
    id                      text primary key,
    merchant_id             text        not null,
    livemode                boolean     not null,
    -- money: minor units of the payment's currency (JPY 0, USD 2, BHD 3 decimals)
    amount                  bigint      not null check (amount > 0),
    currency                char(3)     not null,
    description             text,
    items                   text        not null default '[]', -- JSON array of strings
    return_url              text,
    -- the state machine of docs/payments.md (PaymentStatus)
    status                  text        not null check (status in ('pending', 'requires_action',
                                'completed', 'failed', 'canceled', 'partially_refunded', 'refunded')),
    -- what was paid: payment (POST /v1/payments/), session, link or invoice, and its id
    purpose                 text        not null,
    reference               text        not null,
    merchant_name           text,
    checkout_expires_at     timestamptz,
    payment_intent_id       text,
    session_id              text,
    invoice_id              text,
    payment_link_id         text,
    subscription_id         text,
    customer_id             text,
    customer_email          text,
    -- never a PAN or CVC: only what checkout-service's events carry
    card_brand              text,
    card_last4              text,
    card_exp_month          text,
    card_exp_year           text,
    card_country            text,
    decline_reason          text,
    failure_message         text,
    refunded_total          bigint      not null default 0,
    -- frozen when the payment completes: the plan and rates used, and the result
    fee_plan                text        check (fee_plan in ('merchant', 'default', 'merchant_no_fx')),
    fee_basis_points        integer,
    fee_fixed               bigint,
    settlement_currency     char(3),
    local_currency          char(3),
    statement_descriptor    text,
    settled_amount          bigint,
    fee                     bigint,
    net                     bigint,
    net_currency            char(3),
    fx_payment_units_per_usd    numeric(30, 12),
    fx_settlement_units_per_usd numeric(30, 12),
    fx_local_units_per_usd      numeric(30, 12),
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    completed_at            timestamptz,
    constraint payment_refunded_within_amount check (refunded_total >= 0 and refunded_total <= amount),
    constraint payment_fee_within_amount check (fee is null or (fee >= 0 and net >= 0))
);
-- Lists: merchant + mode always, newest first, optionally by status.
create index payment_merchant_created on payment (merchant_id, livemode, created_at desc, id desc);
create index payment_merchant_status on payment (merchant_id, livemode, status, created_at desc, id desc);

-- One row per refund applied, so the same refund (under any event id) is counted once.
create table payment_refund (
    refund_id   text primary key,
    payment_id  text        not null references payment (id),
    amount      bigint      not null check (amount > 0),
    currency    char(3)     not null,
    applied_at  timestamptz not null
);
create index payment_refund_payment on payment_refund (payment_id);

-- What payments-service knows of each merchant, from merchant.created / merchant.updated.
create table merchant_profile (
    merchant_id           text primary key,
    name                  text,
    settlement_currency   char(3)     not null,
    local_currency        char(3)     not null,
    fee_basis_points      integer     not null check (fee_basis_points between 0 and 10000),
    fee_fixed             bigint      not null check (fee_fixed >= 0),
    statement_descriptor  text,
    -- the event's updated_at: an older event never overwrites a newer one
    source_updated_at     timestamptz not null,
    received_at           timestamptz not null
);

-- FX rates: units of a currency per 1 USD. Append-only: every update is a new row with its time;
-- the current rate of a currency is its newest row.
create table fx_rate (
    id             bigserial primary key,
    currency       char(3)         not null,
    units_per_usd  numeric(30, 12) not null check (units_per_usd > 0),
    recorded_at    timestamptz     not null,
    source         text            not null
);
create index fx_rate_current on fx_rate (currency, recorded_at desc, id desc);

-- Indicative reference rates (units per USD) so a fresh platform can convert; operators replace
-- them through PUT /admin/fx-rates/{currency}.
insert into fx_rate (currency, units_per_usd, recorded_at, source) values
    ('USD', 1,        '2026-01-01T00:00:00Z', 'reference-seed'),
    ('EUR', 0.86,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('GBP', 0.75,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('CAD', 1.38,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('CRC', 533.48,   '2026-01-01T00:00:00Z', 'reference-seed'),
    ('JPY', 155,      '2026-01-01T00:00:00Z', 'reference-seed'),
    ('MXN', 18.2,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('BHD', 0.376,    '2026-01-01T00:00:00Z', 'reference-seed'),
    ('AUD', 1.52,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('CHF', 0.80,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('BRL', 5.40,     '2026-01-01T00:00:00Z', 'reference-seed'),
    ('COP', 3900,     '2026-01-01T00:00:00Z', 'reference-seed');
