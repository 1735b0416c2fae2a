-- A resend asked for while an attempt of the delivery runs (docs/webhooks.md §7, decision 0019):
-- that attempt keeps its lease and records its outcome, then the new series starts. Nothing but the
-- attempt's own outcome (or its lease running out) ends a lease, so the per-endpoint cap, which
-- counts leases, counts every attempt in flight.
alter table delivery add column resend_queued boolean not null default false;

-- Each merchant's resends in its current window, per mode (events.webhooks.resend-limit per
-- events.webhooks.resend-window): in the database, so every replica counts the same resends.
create table resend_window (
    merchant_id  text        not null,
    livemode     boolean     not null,
    started_at   timestamptz not null,
    used         integer     not null check (used > 0),
    primary key (merchant_id, livemode)
);
