-- catalog-service: products, plans and customers (DESIGN sections 3 and 7).
-- Every row carries merchant_id and livemode and every query filters on both; the list indexes
-- match the API's order (newest first, id as the tie-breaker) so a page is an index range scan.
-- The checks repeat the API's rules so a bug in the service cannot store what the API refuses.

create table product (
    id           text        primary key,
    merchant_id  text        not null,
    livemode     boolean     not null,
    name         text        not null check (char_length(name) between 1 and 250),
    description  text        check (char_length(description) <= 2000),
    active       boolean     not null,
    created_at   timestamptz not null
);

create index product_by_tenant on product (merchant_id, livemode, created_at desc, id desc);
create index product_by_tenant_active
    on product (merchant_id, livemode, active, created_at desc, id desc);

create table plan (
    id              text        primary key,
    merchant_id     text        not null,
    livemode        boolean     not null,
    product_id      text        not null references product (id),
    -- minor units (cents); the maximum is Money.MAX_MINOR_UNITS (10^13)
    amount          bigint      not null check (amount > 0 and amount <= 10000000000000),
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    -- "interval" is a PostgreSQL type name; interval_unit keeps SQL free of quoting
    interval_unit   text        not null check (interval_unit in ('day', 'week', 'month', 'year')),
    interval_count  integer     not null check (interval_count between 1 and 12),
    nickname        text        check (char_length(nickname) <= 250),
    created_at      timestamptz not null
);

create index plan_by_tenant on plan (merchant_id, livemode, created_at desc, id desc);
create index plan_by_tenant_product
    on plan (merchant_id, livemode, product_id, created_at desc, id desc);

create table customer (
    id           text        primary key,
    merchant_id  text        not null,
    livemode     boolean     not null,
    email        text        not null check (char_length(email) between 3 and 254),
    name         text        check (char_length(name) <= 250),
    description  text        check (char_length(description) <= 2000),
    phone        text        check (char_length(phone) <= 32),
    created_at   timestamptz not null
);

create index customer_by_tenant on customer (merchant_id, livemode, created_at desc, id desc);
-- The email filter is case-insensitive (lower(email) = lower(?)).
create index customer_by_tenant_email
    on customer (merchant_id, livemode, lower(email), created_at desc, id desc);
