-- An off-session charge request gets a deadline: unanswered, it is asked again (same payment id,
-- charged at most once), and after the last request the attempt fails into the retry schedule.
alter table invoice
    add column charge_requested_at timestamptz,
    add column charge_requests     integer     not null default 0;

create index invoice_charge_pending on invoice (charge_requested_at) where charge_pending;
