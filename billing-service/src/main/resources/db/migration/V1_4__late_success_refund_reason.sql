-- A charge that succeeded after its payment was canceled is refunded automatically with Stripe's
-- reason for it (issue 27): expired_uncaptured_charge. Merchants still choose only the other three.
alter table refund drop constraint refund_reason_check;
alter table refund add constraint refund_reason_check
    check (reason in ('duplicate', 'fraudulent', 'requested_by_customer', 'expired_uncaptured_charge'));
