-- The card vault (docs/vault.md), in a database of its own ("vault"), whose role only checkout's
-- connector path holds. A card number is sealed with its own data key (AES-256-GCM, the token as
-- additional data); the data key is wrapped by the key-encryption key named in key_id, which is in
-- a Secret and never in any database. The security code is never stored.
create table vault_card (
    token              text        primary key check (token ~ '^pm_[A-Za-z0-9_-]{16,64}$'),
    merchant_id        text        not null,
    livemode           boolean     not null,
    key_id             text        not null,
    wrapped_key        bytea       not null,
    sealed_number      bytea       not null,
    brand              text,
    last4              text        check (last4 ~ '^[0-9]{4}$'),
    exp_month          int         not null check (exp_month between 1 and 12),
    exp_year           int         not null,
    -- the RRN of the on-session charge that stored the credential (the initial transaction)
    network_reference  text,
    created_at         timestamptz not null,
    rewrapped_at       timestamptz
);

create index vault_card_by_key on vault_card (key_id);
