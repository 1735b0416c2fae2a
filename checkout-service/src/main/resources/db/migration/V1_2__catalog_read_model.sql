-- What checkout knows of the catalog (catalog.events): a subscription-mode session is created only
-- for a plan and a customer of the same merchant and mode, at the plan's price, so a buyer is
-- never charged with no subscription behind the charge.
create table catalog_plan (
    id           text        primary key,
    merchant_id  text        not null,
    livemode     boolean     not null,
    amount       bigint      not null check (amount > 0),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    received_at  timestamptz not null
);

create table catalog_customer (
    id           text        primary key,
    merchant_id  text        not null,
    livemode     boolean     not null,
    received_at  timestamptz not null
);
