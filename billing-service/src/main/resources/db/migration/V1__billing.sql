-- billing-service: subscriptions and their invoices, refunds, payment links (DESIGN sections 3-6),
-- and the read models billing builds from other services' events.
-- Every merchant-owned row carries merchant_id and livemode and every query filters on both; the
-- list indexes match the API's order (newest first, id as the tie-breaker).

-- ---------------------------------------------------------------------------------------------
-- Read models (inbox-deduplicated consumers). event_time is the source event's ce_time and
-- received_at when billing applied it: their difference is the read model's lag.

create table merchant_record (
    id           text        primary key,
    name         text,
    -- the merchant's own updated_at: an older update arriving late never overwrites a newer one
    updated_at   timestamptz,
    event_time   timestamptz,
    received_at  timestamptz not null default now()
);

create table customer_record (
    id           text        primary key,
    merchant_id  text        not null,
    livemode     boolean     not null,
    email        text,
    name         text,
    event_time   timestamptz,
    received_at  timestamptz not null default now()
);

create table plan_record (
    id              text        primary key,
    merchant_id     text        not null,
    livemode        boolean     not null,
    product_id      text,
    amount          bigint      not null check (amount > 0),
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    interval_unit   text        not null check (interval_unit in ('day', 'week', 'month', 'year')),
    interval_count  integer     not null check (interval_count between 1 and 12),
    nickname        text,
    event_time      timestamptz,
    received_at     timestamptz not null default now()
);

-- The refund ledger's view of a payment. Refund creation locks this row (select ... for update)
-- while it checks amount - max(refunded_total, refunds_succeeded) - refunds_pending.
create table payment_record (
    id                 text        primary key,
    merchant_id        text        not null,
    livemode           boolean     not null,
    amount             bigint      not null check (amount > 0),
    currency           text        not null check (currency ~ '^[A-Z]{3}$'),
    status             text        not null,
    -- as reported by payments-service (payment.refunded)
    refunded_total     bigint      not null default 0 check (refunded_total >= 0),
    -- billing's own ledger: refunds settled succeeded, and refunds still pending (reserved)
    refunds_succeeded  bigint      not null default 0 check (refunds_succeeded >= 0),
    refunds_pending    bigint      not null default 0 check (refunds_pending >= 0),
    event_time         timestamptz,
    received_at        timestamptz not null default now()
);

-- Payment statuses only move forward: a stale event never takes a refunded payment back to
-- completed. Unknown words rank null and never replace a known status.
create function payment_status_rank(status text) returns integer
    language sql immutable
    return case status
        when 'pending' then 0
        when 'requires_action' then 1
        when 'completed' then 2
        when 'failed' then 2
        when 'canceled' then 2
        when 'partially_refunded' then 3
        when 'refunded' then 4
    end;

-- ---------------------------------------------------------------------------------------------
-- Subscriptions and invoices.

create table subscription (
    id                      text        primary key,
    merchant_id             text        not null,
    livemode                boolean     not null,
    customer_id             text,
    plan_id                 text        not null,
    amount                  bigint      not null check (amount > 0),
    currency                text        not null check (currency ~ '^[A-Z]{3}$'),
    interval_unit           text        not null check (interval_unit in ('day', 'week', 'month', 'year')),
    interval_count          integer     not null check (interval_count between 1 and 12),
    description             text        not null,
    status                  text        not null check (status in ('incomplete', 'incomplete_expired',
                                'trialing', 'active', 'past_due', 'canceled')),
    -- api (POST /v1/subscriptions) or checkout_session (checkout.subscription_requested)
    origin                  text        not null,
    checkout_session_id     text,
    merchant_name           text,
    trial_start             timestamptz,
    trial_end               timestamptz,
    -- periods are computed from the anchor (period n = anchor + (n-1)..n intervals), so month
    -- ends never drift (Jan 31 -> Feb 28 -> Mar 31)
    billing_cycle_anchor    timestamptz,
    period_number           integer     not null default 0,
    current_period_start    timestamptz,
    current_period_end      timestamptz,
    cancel_at_period_end    boolean     not null default false,
    canceled_at             timestamptz,
    ended_at                timestamptz,
    cancellation_reason     text,
    default_payment_method  text,
    latest_invoice_id       text,
    -- test mode only: how far this subscription's clock runs ahead of real time
    clock_offset_seconds    bigint      not null default 0 check (clock_offset_seconds >= 0),
    -- when the next scheduled transition is due, on the subscription's clock; null = none
    next_action_at          timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

create index subscription_by_tenant on subscription (merchant_id, livemode, created_at desc, id desc);
create index subscription_by_tenant_status
    on subscription (merchant_id, livemode, status, created_at desc, id desc);
create index subscription_by_tenant_customer
    on subscription (merchant_id, livemode, customer_id, created_at desc, id desc);
-- The renewal sweep: next_action_at <= now() + clock offset.
create index subscription_due on subscription (next_action_at) where next_action_at is not null;
create unique index subscription_by_session on subscription (checkout_session_id)
    where checkout_session_id is not null;

create table invoice (
    id                    text        primary key,
    merchant_id           text        not null,
    livemode              boolean     not null,
    subscription_id       text        not null references subscription (id),
    customer_id           text,
    amount                bigint      not null check (amount > 0),
    currency              text        not null check (currency ~ '^[A-Z]{3}$'),
    status                text        not null check (status in ('open', 'paid', 'void', 'uncollectible')),
    -- subscription_create (the first invoice) or subscription_cycle (a renewal)
    billing_reason        text        not null,
    period_start          timestamptz,
    period_end            timestamptz,
    attempt_count         integer     not null default 0,
    -- the payment of the current (or paying) attempt: a fresh pay_ id per off-session attempt
    payment_id            text,
    payment_intent_id     text,
    -- an off-session charge was requested and its outcome has not arrived yet
    charge_pending        boolean     not null default false,
    next_payment_attempt  timestamptz,
    last_failure_reason   text,
    paid_at               timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

create index invoice_by_subscription on invoice (subscription_id, created_at desc, id desc);
-- At most one renewal invoice per period, whoever (sweep, test clock) gets there first.
create unique index invoice_one_per_period on invoice (subscription_id, period_start)
    where billing_reason = 'subscription_cycle';
create index invoice_by_payment_intent on invoice (merchant_id, livemode, payment_intent_id)
    where payment_intent_id is not null;
create index invoice_by_payment on invoice (merchant_id, livemode, payment_id)
    where payment_id is not null;

-- Session-based subscriptions whose plan or customer billing has not seen yet; materialised when
-- the catalog event arrives.
create table subscription_request (
    session_id    text        primary key,
    merchant_id   text        not null,
    livemode      boolean     not null,
    plan_id       text,
    customer_id   text,
    payload       text        not null,
    received_at   timestamptz not null default now()
);

create index subscription_request_by_plan on subscription_request (merchant_id, livemode, plan_id);
create index subscription_request_by_customer
    on subscription_request (merchant_id, livemode, customer_id);

-- Charge outcomes of checkout sessions that no invoice claimed yet (checkout.events is keyed per
-- intent and per session, so a payment_intent.succeeded can overtake its
-- checkout.subscription_requested). Removed when claimed, or after 7 days.
create table checkout_outcome (
    payment_intent_id  text        primary key,
    payment_id         text,
    merchant_id        text        not null,
    livemode           boolean     not null,
    succeeded          boolean     not null,
    payment_method_id  text,
    decline_reason     text,
    received_at        timestamptz not null default now()
);

create index checkout_outcome_by_payment on checkout_outcome (merchant_id, livemode, payment_id);
create index checkout_outcome_by_age on checkout_outcome (received_at);

-- ---------------------------------------------------------------------------------------------
-- Refunds.

create table refund (
    id              text        primary key,
    merchant_id     text        not null,
    livemode        boolean     not null,
    payment_id      text        not null references payment_record (id),
    amount          bigint      not null check (amount > 0),
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    reason          text        check (reason in ('duplicate', 'fraudulent', 'requested_by_customer')),
    status          text        not null check (status in ('pending', 'succeeded', 'failed')),
    failure_reason  text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index refund_by_tenant on refund (merchant_id, livemode, created_at desc, id desc);
create index refund_by_tenant_payment
    on refund (merchant_id, livemode, payment_id, created_at desc, id desc);

-- ---------------------------------------------------------------------------------------------
-- Payment links.

create table payment_link (
    id             text        primary key,
    merchant_id    text        not null,
    livemode       boolean     not null,
    amount         bigint      not null check (amount > 0 and amount <= 10000000000000),
    currency       text        not null check (currency ~ '^[A-Z]{3}$'),
    description    text        not null check (char_length(description) between 1 and 500),
    active         boolean     not null,
    merchant_name  text,
    paid_count     integer     not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index payment_link_by_tenant on payment_link (merchant_id, livemode, created_at desc, id desc);

-- One row per paid visit: counts each payment once even if its event is delivered again.
create table payment_link_payment (
    payment_link_id  text        not null references payment_link (id),
    payment_id       text        not null,
    amount           bigint      not null,
    currency         text        not null,
    paid_at          timestamptz not null,
    primary key (payment_link_id, payment_id)
);
