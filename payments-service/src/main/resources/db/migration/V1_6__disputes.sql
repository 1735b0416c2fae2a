-- Disputes (docs/disputes.md): a cardholder's chargeback or inquiry of a payment, as the processor
-- reported it (checkout's processor.dispute_opened), the merchant's evidence and the outcome. The
-- money it moves is in the ledger (entries of type dispute, dispute_fee, dispute_reversal, with the
-- dispute as their source).
create table dispute (
    id                    text        primary key,
    merchant_id           text        not null,
    livemode              boolean     not null,
    payment_id            text        not null references payment (id),
    -- the processor's case: one dispute per case
    processor_reference   text        not null,
    network_reason_code   text,
    amount                bigint      not null check (amount > 0),
    currency              char(3)     not null,
    reason                text        not null,
    is_inquiry            boolean     not null,
    -- the state machine of docs/disputes.md (DisputeStatus)
    status                text        not null check (status in ('warning_needs_response',
                              'warning_under_review', 'warning_closed', 'needs_response',
                              'under_review', 'won', 'lost')),
    -- the merchant's evidence: a JSON object of the documented fields
    evidence              text        not null default '{}',
    evidence_due_by       timestamptz not null,
    submission_count      integer     not null default 0,
    submitted_at          timestamptz,
    -- when the processor decides a submitted dispute (the sandbox's rule, test mode)
    decide_at             timestamptz,
    -- the fee charged when it opened (minor units of the payment's settlement currency)
    fee                   bigint      not null default 0,
    fee_currency          char(3),
    -- what left the merchant's available balance (minor units of the settlement currency)
    withdrawn_amount      bigint      not null default 0,
    funds_withdrawn       boolean     not null default false,
    funds_reinstated      boolean     not null default false,
    closed_at             timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    unique (processor_reference, livemode)
);

create index dispute_by_tenant on dispute (merchant_id, livemode, created_at desc, id desc);
create index dispute_by_payment on dispute (payment_id);
-- the sweeps: unanswered past their deadline; submitted and due a decision
create index dispute_due on dispute (evidence_due_by)
    where status in ('needs_response', 'warning_needs_response');
create index dispute_to_decide on dispute (decide_at)
    where status in ('under_review', 'warning_under_review');

alter table payment add column dispute_id text;

alter table ledger_entry drop constraint ledger_entry_type_check;
alter table ledger_entry add constraint ledger_entry_type_check
    check (type in ('charge', 'refund', 'available', 'adjustment', 'fee', 'settlement', 'dispute',
                    'dispute_fee', 'dispute_reversal'));
