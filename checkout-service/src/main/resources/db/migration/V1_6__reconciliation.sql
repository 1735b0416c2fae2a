-- Reconciliation of each gateway account's acquirer settlement report against the connector's
-- journal (docs/connectors.md, reconciliation). A run is one pass over one business day's report of
-- one account; it itemizes each report line once and each journal record once per kind, so a run
-- repeated over the same day (a corrected report, an operator's re-run) adds only what is new.
create table reconciliation_run (
    id                  text        primary key,
    gateway_account_id  text        not null,
    business_day        date        not null,
    trigger             text        not null check (trigger in ('schedule', 'operator')),
    report_file         text        not null,
    report_sha256       text        not null,
    report_lines        int         not null,
    items               int         not null,
    matched             int         not null,
    differences         int         not null,
    created_at          timestamptz not null
);

create index reconciliation_run_by_time on reconciliation_run (created_at desc, id desc);
create index reconciliation_run_by_account_day on reconciliation_run (gateway_account_id, business_day);

create table reconciliation_item (
    id                     text        primary key,
    run_id                 text        not null references reconciliation_run (id),
    gateway_account_id     text        not null,
    business_day           date        not null,
    kind                   text        not null check (kind in ('matched', 'reversed',
        'missing_on_platform', 'missing_at_acquirer', 'amount_mismatch', 'currency_mismatch',
        'authorization_mismatch', 'duplicated', 'late')),
    status                 text        not null check (status in ('matched', 'open', 'resolved')),
    rrn                    text,
    -- the report line: '<account>|<day>|<type>|<rrn>|<n>' (n counts repeats of a type and RRN)
    line_key               text        unique,
    line_type              text        check (line_type in ('purchase', 'refund', 'reversal')),
    acquirer_amount        bigint,
    acquirer_currency      text,
    acquirer_authorization text,
    -- the journal record (iso8583_transaction.reference) and what it is on the platform
    journal_reference      text,
    record_kind            text        check (record_kind in ('purchase', 'refund')),
    platform_day           date,
    platform_amount        bigint,
    platform_currency      text,
    platform_authorization text,
    merchant_id            text,
    payment_id             text,
    refund_id              text,
    -- a late item whose record was put in suspense by an earlier run's missing_at_acquirer
    from_suspense          boolean     not null default false,
    resolution_note        text,
    resolved_by            text,
    resolved_at            timestamptz,
    created_at             timestamptz not null
);

-- A record is accounted for once per kind (missing_at_acquirer on its day, then late when it turns
-- up); a duplicate line names the record it repeats, and is unique by its line.
create unique index reconciliation_item_record on reconciliation_item (journal_reference, kind)
    where journal_reference is not null and kind <> 'duplicated';
create index reconciliation_item_by_run on reconciliation_item (run_id, created_at, id);
create index reconciliation_item_open on reconciliation_item (kind) where status = 'open';
create index iso8583_transaction_by_account_day on iso8583_transaction (gateway_account_id, created_at);
-- A report line finds its payment or refund by RRN (a live charge's charge_ref, a live refund's
-- processor_ref).
create index payment_intent_live_by_charge_ref on payment_intent (charge_ref)
    where livemode and charge_ref is not null;
create index refund_live_by_processor_ref on refund (processor_ref)
    where livemode and processor_ref is not null;
