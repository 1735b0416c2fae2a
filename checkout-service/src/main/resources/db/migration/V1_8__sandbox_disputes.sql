-- The sandbox's disputing test cards (docs/checkout.md, test cards; docs/disputes.md): a charge of
-- one is disputed by its cardholder a while after it succeeded. The sandbox keeps the reason and
-- when, as a real processor keeps its chargebacks, and notifies the platform once
-- (processor.dispute_opened on checkout.events, by the SandboxDisputes sweep).
alter table sandbox_charge
    add column dispute_reason    text,
    add column dispute_inquiry   boolean not null default false,
    add column dispute_due_at    timestamptz,
    add column dispute_opened_at timestamptz,
    add constraint sandbox_charge_dispute_complete
        check ((dispute_reason is null) = (dispute_due_at is null));

create index sandbox_charge_dispute_due on sandbox_charge (dispute_due_at)
    where dispute_due_at is not null and dispute_opened_at is null;
