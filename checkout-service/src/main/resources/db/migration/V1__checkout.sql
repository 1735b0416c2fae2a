-- checkout-service: checkout sessions, payment intents, their attempts, refunds, and the sandbox
-- processor's own records (DESIGN sections 3 to 5, docs/checkout.md).
-- Every row belongs to a merchant and a mode and every query filters on both; list indexes follow
-- the API's order (newest first, id as the tie-breaker).
-- Card data: only brand, last 4, expiry, country and a keyed HMAC fingerprint are ever stored. No
-- column can hold a card number or a security code.

create table checkout_session (
    id                  text        primary key,
    merchant_id         text        not null,
    livemode            boolean     not null,
    merchant_name       text        not null,
    gateway_account_id  text,
    -- minor units; the maximum is Money.MAX_MINOR_UNITS (10^13)
    amount              bigint      not null check (amount > 0 and amount <= 10000000000000),
    currency            text        not null check (currency ~ '^[A-Z]{3}$'),
    description         text,
    items               text[]      not null,
    mode                text        not null check (mode in ('payment', 'subscription')),
    price_id            text,
    customer_id         text,
    return_url          text        not null,
    status              text        not null check (status in ('open', 'complete', 'expired')),
    -- set when the session's intent is created: its intent and the payment id minted for it
    payment_intent_id   text,
    payment_id          text,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    completed_at        timestamptz,
    expired_at          timestamptz
);

create index checkout_session_by_tenant
    on checkout_session (merchant_id, livemode, created_at desc, id desc);
-- The expiry sweep reads open sessions by expiry.
create index checkout_session_open_by_expiry on checkout_session (expires_at) where status = 'open';

create table payment_intent (
    id                    text        primary key,
    merchant_id           text        not null,
    livemode              boolean     not null,
    merchant_name         text,
    gateway_account_id    text,
    client_secret         text        not null unique,
    -- one intent per payment: a second create for the same payment finds this one
    payment_id            text        not null unique,
    purpose               text        not null check (purpose in ('payment', 'session', 'link', 'invoice')),
    reference             text        not null,
    session_id            text        references checkout_session (id),
    invoice_id            text,
    payment_link_id       text,
    subscription_id       text,
    customer_id           text,
    amount                bigint      not null check (amount > 0 and amount <= 10000000000000),
    currency              text        not null check (currency ~ '^[A-Z]{3}$'),
    description           text,
    items                 text[]      not null,
    return_url            text,
    -- the hosted page the buyer pays on (a failed 3-D Secure challenge returns there)
    checkout_page_url     text,
    status                text        not null check (status in ('requires_payment_method',
                              'requires_action', 'processing', 'succeeded', 'canceled')),
    customer_email        text,
    card_brand            text,
    card_last4            text        check (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month        integer     check (card_exp_month between 1 and 12),
    card_exp_year         integer,
    card_country          text,
    card_fingerprint      text        check (card_fingerprint ~ '^[0-9a-f]{64}$'),
    save_payment_method   boolean     not null,
    payment_method_id     text,
    off_session           boolean     not null,
    failed_attempts       integer     not null default 0,
    last_decline_reason   text,
    last_failure_message  text,
    cancellation_reason   text,
    -- the processor's pending 3-D Secure authentication and, once captured, its charge
    authentication_ref    text,
    charge_ref            text,
    -- SHA-256 of the one-time challenge token handed to the buyer (never the token itself)
    challenge_token_hash  text,
    -- a hosted payment / link / invoice intent lives as long as its checkout token
    expires_at            timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    succeeded_at          timestamptz,
    canceled_at           timestamptz
);

create index payment_intent_by_tenant
    on payment_intent (merchant_id, livemode, created_at desc, id desc);
create index payment_intent_by_session on payment_intent (merchant_id, livemode, session_id);
create index payment_intent_by_payment_method
    on payment_intent (merchant_id, livemode, payment_method_id) where payment_method_id is not null;

-- Every confirmation, challenge and off-session charge: the failures the fraud rules count.
create table payment_attempt (
    id                 text        primary key,
    payment_intent_id  text        not null references payment_intent (id),
    merchant_id        text        not null,
    livemode           boolean     not null,
    outcome            text        not null check (outcome in ('succeeded', 'requires_action', 'failed')),
    decline_reason     text,
    failure_message    text,
    card_brand         text,
    card_last4         text        check (card_last4 ~ '^[0-9]{4}$'),
    card_fingerprint   text        check (card_fingerprint ~ '^[0-9a-f]{64}$'),
    off_session        boolean     not null,
    created_at         timestamptz not null
);

create index payment_attempt_by_intent on payment_attempt (payment_intent_id, created_at);
-- "more than N declines for one card within an hour"
create index payment_attempt_failed_by_card
    on payment_attempt (merchant_id, livemode, card_fingerprint, created_at desc)
    where outcome = 'failed';

-- Refunds billing-service asked for (refund.created), and what the processor answered.
create table refund (
    id                 text        primary key,
    merchant_id        text        not null,
    livemode           boolean     not null,
    payment_id         text        not null,
    payment_intent_id  text        references payment_intent (id),
    amount             bigint      not null,
    currency           text        not null,
    status             text        not null check (status in ('succeeded', 'failed')),
    failure_reason     text,
    processor_ref      text,
    created_at         timestamptz not null
);

create index refund_by_tenant on refund (merchant_id, livemode, created_at desc, id desc);

-- ---- The sandbox processor's own records: what a real gateway keeps on its side.

-- A pending or finished 3-D Secure challenge: the test-card behaviour, never the number.
create table sandbox_authentication (
    id                   text        primary key,
    merchant_id          text        not null,
    livemode             boolean     not null,
    behaviour            text        not null,
    card_brand           text        not null,
    card_last4           text        not null check (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month       integer     not null,
    card_exp_year        integer     not null,
    card_country         text,
    amount               bigint      not null,
    currency             text        not null,
    save_payment_method  boolean     not null,
    status               text        not null check (status in ('pending', 'succeeded', 'failed')),
    created_at           timestamptz not null
);

-- A saved card (pm_…) for off-session charges: its test-card behaviour, brand, last 4 and expiry.
create table sandbox_payment_method (
    id              text        primary key,
    merchant_id     text        not null,
    livemode        boolean     not null,
    behaviour       text        not null,
    card_brand      text        not null,
    card_last4      text        not null check (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month  integer     not null,
    card_exp_year   integer     not null,
    card_country    text,
    created_at      timestamptz not null
);

create index sandbox_payment_method_by_tenant
    on sandbox_payment_method (merchant_id, livemode, created_at desc, id desc);

-- A captured charge, so refunds can never exceed it.
create table sandbox_charge (
    id               text        primary key,
    merchant_id      text        not null,
    livemode         boolean     not null,
    amount           bigint      not null,
    currency         text        not null,
    amount_refunded  bigint      not null default 0 check (amount_refunded <= amount),
    created_at       timestamptz not null
);

create index sandbox_charge_by_tenant on sandbox_charge (merchant_id, livemode, created_at desc, id desc);
