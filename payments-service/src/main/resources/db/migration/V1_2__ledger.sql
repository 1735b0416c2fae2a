-- The ledger (docs/ledger.md): append-only, double-entry, hash-chained journal entries posted in the
-- transaction of the payment change they record. Its invariants hold in the database, whatever the
-- code does: an entry that does not balance per currency cannot commit, and no journal row can be
-- changed or removed.

-- One entry: a charge, a refund, a move from pending to available, an adjustment.
create table ledger_entry (
    id                 bigserial   primary key,
    -- the balance transaction id merchants see
    txn_id             text        not null unique,
    -- what the entry records, once: 'charge:pay_…', 'refund:re_…', 'available:pay_…'
    idem_key           text        not null unique,
    merchant_id        text        not null,
    livemode           boolean     not null,
    type               text        not null check (type in ('charge', 'refund', 'available', 'adjustment', 'fee')),
    -- the payment or refund it records
    source             text        not null,
    -- the merchant's side, in minor units of currency (the payment's settlement currency)
    currency           text        not null check (currency ~ '^[A-Z]{3}$'),
    amount             bigint      not null,
    fee                bigint      not null,
    net                bigint      not null check (net = amount - fee),
    -- FX: what the buyer paid, and the frozen rate (settlement units per payment unit)
    original_amount    bigint,
    original_currency  text,
    exchange_rate      numeric,
    available_on       timestamptz not null,
    created_at         timestamptz not null,
    -- the entry's place in its merchant's and mode's chain, and the chain's hashes (hex SHA-256)
    chain_seq          bigint      not null check (chain_seq > 0),
    prev_hash          text        not null,
    hash               text        not null,
    unique (merchant_id, livemode, chain_seq)
);

create index ledger_entry_by_tenant on ledger_entry (merchant_id, livemode, created_at desc, id desc);
create index ledger_entry_by_source on ledger_entry (merchant_id, livemode, source);

-- Two or more per entry. amount > 0 debits the account, < 0 credits it. Accounts are named
-- '<owner>:<livemode>:<currency>:<kind>': merchant:mer_…:test:USD:pending (…:available),
-- platform:test:USD:fees, processor:test:USD:clearing.
create table ledger_posting (
    id        bigserial primary key,
    entry_id  bigint    not null references ledger_entry (id),
    account   text      not null,
    currency  text      not null check (currency ~ '^[A-Z]{3}$'),
    amount    bigint    not null check (amount <> 0)
);

create index ledger_posting_by_entry on ledger_posting (entry_id);

-- The head of each merchant's and mode's chain: the last entry's sequence and hash. Posting locks
-- it, so a chain grows one entry at a time.
create table ledger_chain (
    merchant_id  text    not null,
    livemode     boolean not null,
    last_seq     bigint  not null,
    last_hash    text    not null,
    primary key (merchant_id, livemode)
);

-- Charges whose net is still pending, and when it becomes available (the settlement sweep's queue;
-- a row is removed in the transaction that posts its 'available' entry).
create table ledger_settlement_due (
    payment_id    text        primary key,
    merchant_id   text        not null,
    livemode      boolean     not null,
    currency      text        not null,
    net           bigint      not null,
    available_on  timestamptz not null
);

create index ledger_settlement_due_by_time on ledger_settlement_due (available_on);

-- An entry balances: at least two postings, and debits equal credits in each currency. Checked at
-- commit (deferred), after all of the entry's postings are in.
create function ledger_check_entry(entry bigint) returns void language plpgsql as $$
declare
    postings integer;
    unbalanced text;
begin
    select count(*) into postings from ledger_posting where entry_id = entry;
    if postings < 2 then
        raise exception 'ledger entry % has % posting(s); an entry needs at least two', entry, postings
            using errcode = 'check_violation';
    end if;
    select string_agg(currency || ' ' || total, ', ') into unbalanced from (
        select currency, sum(amount) as total from ledger_posting where entry_id = entry
        group by currency having sum(amount) <> 0) t;
    if unbalanced is not null then
        raise exception 'ledger entry % does not balance: %', entry, unbalanced
            using errcode = 'check_violation';
    end if;
end;
$$;

create function ledger_entry_balances() returns trigger language plpgsql as $$
begin
    perform ledger_check_entry(NEW.id);
    return null;
end;
$$;

create function ledger_posting_balances() returns trigger language plpgsql as $$
begin
    perform ledger_check_entry(NEW.entry_id);
    return null;
end;
$$;

create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_entry_balances();
create constraint trigger ledger_posting_balanced after insert on ledger_posting
    deferrable initially deferred for each row execute function ledger_posting_balances();

-- Append-only: journal rows are never changed or removed (a mistake is corrected by a new entry).
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_append_only();
create trigger ledger_posting_append_only before update or delete on ledger_posting
    for each row execute function ledger_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_append_only();
create trigger ledger_posting_no_truncate before truncate on ledger_posting
    for each statement execute function ledger_append_only();

-- A merchant's balance reads its accounts by prefix ('merchant:mer_…:test:').
create index ledger_posting_by_account_prefix on ledger_posting (account text_pattern_ops);
