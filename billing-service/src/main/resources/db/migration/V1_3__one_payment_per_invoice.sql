-- One open payment per invoice: every visit of the invoice's page reuses the same payment id (its
-- intent in checkout), until checkout cancels that intent.
alter table invoice add column hosted_payment_id text;

-- A second successful payment of one invoice (two tabs, a token minted before a cancel, a hosted
-- payment racing an off-session retry): refunded automatically, once, through the refund path
-- (refund.created -> checkout's processor -> refund.succeeded), so it shows on the refund list.
create table invoice_overpayment (
    payment_id   text        primary key,
    invoice_id   text        not null,
    merchant_id  text        not null,
    livemode     boolean     not null,
    amount       bigint      not null,
    currency     text        not null,
    detected_at  timestamptz not null,
    refund_id    text,
    resolved_at  timestamptz,
    resolution   text        check (resolution in ('refund_created', 'not_refundable'))
);

create index invoice_overpayment_open on invoice_overpayment (detected_at) where resolved_at is null;
