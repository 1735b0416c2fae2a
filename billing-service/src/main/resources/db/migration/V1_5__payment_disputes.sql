-- A payment's dispute, as payments.events tells it (docs/disputes.md, the refund guard): no refund
-- while it is open, and never the part a lost dispute already gave back to the cardholder.
alter table payment_record
    add column dispute_id          text,
    add column dispute_open        boolean not null default false,
    add column dispute_lost_amount bigint  not null default 0 check (dispute_lost_amount >= 0);
