-- Every processor call carries an idempotent reference, so an intent left in processing (a crash
-- between the processor call and the second transaction, or a failed second transaction) can be
-- resolved by asking the processor what happened to that reference (docs/checkout.md, deadlines).

-- The reference of the processor call in flight, and since when the intent is processing.
alter table payment_intent
    add column processor_reference text,
    add column processing_since    timestamptz;

create index payment_intent_processing_since
    on payment_intent (processing_since) where status = 'processing';


-- The sandbox's record of every operation by reference: what a gateway's idempotency store keeps.
-- A replayed reference answers the stored result; a reference looked up before it was used is
-- voided, so a late call with it is refused instead of charging after the intent was released.
create table sandbox_operation (
    reference          text        primary key,
    merchant_id        text        not null,
    livemode           boolean     not null,
    outcome            text        not null
                           check (outcome in ('succeeded', 'challenge_required', 'declined', 'voided')),
    decline_reason     text,
    message            text,
    charge_id          text,
    authentication_id  text,
    payment_method_id  text,
    card_brand         text,
    card_last4         text        check (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month     integer     check (card_exp_month between 1 and 12),
    card_exp_year      integer,
    card_country       text,
    created_at         timestamptz not null
);
