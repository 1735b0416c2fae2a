-- The buyer's address as the edge determined it (X-Client-Address), for the decline-velocity
-- rule: many declines, or many declined cards, from one address at one merchant block further
-- confirmations from it for a while (docs/checkout.md, fraud rules).
alter table payment_intent add column client_address text;
alter table payment_attempt add column client_address text;

create index payment_attempt_declines_by_address
    on payment_attempt (merchant_id, livemode, client_address, created_at desc)
    where outcome = 'failed' and client_address is not null;
