-- Payouts (docs/payouts.md): a merchant's available balance to its bank account, on a schedule or
-- on request, by ISO 20022 credit transfer (pain.001) to the platform's bank, answered by pain.002
-- and camt.054. The money moves in the ledger (entries of type payout, payout_paid, payout_failure,
-- payout_cancel with the payout as their source).

-- One row per merchant and mode: the schedule, the bank account (sealed) and the payout clock.
create table payout_settings (
    merchant_id             text        not null,
    livemode                boolean     not null,
    -- Stripe's schedule: manual, daily, weekly (weekly_anchor), monthly (monthly_anchor)
    schedule_interval       text        not null default 'manual'
                                check (schedule_interval in ('manual', 'daily', 'weekly', 'monthly')),
    -- what became available on day D is paid out on day D + delay_days
    delay_days              integer     not null default 2 check (delay_days between 1 and 30),
    weekly_anchor           text        check (weekly_anchor in ('monday', 'tuesday', 'wednesday',
                                'thursday', 'friday', 'saturday', 'sunday')),
    monthly_anchor          integer     check (monthly_anchor between 1 and 31),
    -- the next scheduled run, on the merchant's payout clock; null on the manual schedule
    next_run_at             timestamptz,
    -- the test clock: how far the merchant's payout clock is ahead of the real one (test mode)
    clock_offset_seconds    bigint      not null default 0 check (clock_offset_seconds >= 0),
    -- the bank account: what the API shows, and the account itself sealed (AES-GCM)
    bank_account_id         text,
    bank_country            text,
    bank_holder_name        text,
    bank_last4              text,
    bank_routing_number     text,
    bank_account_sealed     text,
    bank_account_created_at timestamptz,
    -- a changed bank account holds payouts until then (payout clock)
    payouts_held_until      timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    primary key (merchant_id, livemode)
);

create index payout_settings_due on payout_settings (next_run_at) where next_run_at is not null;

create table payout (
    id                           text        primary key,
    merchant_id                  text        not null,
    livemode                     boolean     not null,
    amount                       bigint      not null check (amount > 0),
    currency                     text        not null check (currency ~ '^[A-Z]{3}$'),
    arrival_date                 date        not null,
    -- the day the bank is asked to execute it (pain.001 ReqdExctnDt)
    execution_date               date        not null,
    method                       text        not null default 'standard',
    automatic                    boolean     not null,
    status                       text        not null check (status in ('pending', 'in_transit',
                                     'paid', 'failed', 'canceled')),
    failure_code                 text,
    failure_message              text,
    balance_transaction          text,
    failure_balance_transaction  text,
    description                  text,
    -- where it goes, as it was when the payout was made (a later change does not redirect it)
    destination                  text        not null,
    destination_holder_name      text        not null,
    destination_sealed           text        not null,
    -- the pain.001 it went in (payout_batch), once batched
    batch_id                     text,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null
);

create index payout_by_tenant on payout (merchant_id, livemode, created_at desc, id desc);
create index payout_to_send on payout (created_at) where status = 'pending' and batch_id is null;

-- What each automatic payout pays: one row per balance transaction that changed the merchant's
-- available balance (its net, in its currency), written in the ledger's own transaction with the
-- time it became available on the merchant's payout clock. payout_id is set when a payout takes it.
create table payout_item (
    txn_id        text        primary key,
    merchant_id   text        not null,
    livemode      boolean     not null,
    currency      text        not null,
    net           bigint      not null,
    available_at  timestamptz not null,
    payout_id     text
);

create index payout_item_unpaid on payout_item (merchant_id, livemode, currency, available_at)
    where payout_id is null;
create index payout_item_by_payout on payout_item (payout_id) where payout_id is not null;

-- One pain.001: prepared (its XML fixed, its payouts claimed) in one transaction, put on the bank's
-- SFTP, then marked sent. A batch left prepared by a crash or an unreachable bank is put again,
-- byte for byte: the bank answers a message id once.
create table payout_batch (
    id            text        primary key,
    livemode      boolean     not null,
    currency      text        not null,
    file_name     text        not null,
    status        text        not null check (status in ('prepared', 'sent')),
    attempts      integer     not null default 0,
    last_error    text,
    created_at    timestamptz not null,
    sent_at       timestamptz
);

create index payout_batch_prepared on payout_batch (created_at) where status = 'prepared';

-- Every file sent to and received from the bank, kept for audit; a received file is applied once
-- (its ISO 20022 message id is unique).
create table bank_file (
    id            bigserial   primary key,
    direction     text        not null check (direction in ('sent', 'received')),
    file_name     text        not null,
    message_type  text        not null,
    message_id    text        not null,
    content       text        not null,
    sha256        text        not null,
    created_at    timestamptz not null,
    unique (direction, message_id)
);

alter table ledger_entry drop constraint ledger_entry_type_check;
alter table ledger_entry add constraint ledger_entry_type_check
    check (type in ('charge', 'refund', 'available', 'adjustment', 'fee', 'settlement', 'dispute',
                    'dispute_fee', 'dispute_reversal', 'payout', 'payout_paid', 'payout_failure',
                    'payout_cancel'));
