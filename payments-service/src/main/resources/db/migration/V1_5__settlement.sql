-- Settlement (docs/ledger.md, settlement and reconciliation): what checkout's reconciliation of an
-- acquirer's report found moves the settled money out of clearing into the platform's settlement
-- account (cash at the acquirer), and every difference into suspense. Such entries are of type
-- 'settlement': merchants do not see them, and they change no merchant balance.
alter table ledger_entry drop constraint ledger_entry_type_check;
alter table ledger_entry add constraint ledger_entry_type_check
    check (type in ('charge', 'refund', 'available', 'adjustment', 'fee', 'settlement'));

-- Each reconciliation item applied, once: the record (payment or refund) it settles and the day
-- the platform recorded it on, so ledger verify can check that clearing nets to zero for every
-- reconciled day.
create table settlement_item (
    item_id        text        primary key,
    kind           text        not null,
    merchant_id    text,
    source         text,
    platform_day   date,
    business_day   date        not null,
    applied_at     timestamptz not null
);

create index settlement_item_by_day on settlement_item (platform_day) where source is not null;
