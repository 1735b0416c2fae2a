-- What happens to a charge that succeeds after its payment was canceled (a late success, issue 27):
-- 'refund' (default) gives the money back automatically, 'keep' keeps it. Payments-service reads it
-- from merchants.events (docs/payments.md, "A success that comes late").
alter table merchant add column late_success text not null default 'refund'
    check (late_success in ('refund', 'keep'));
