-- A success that comes after the payment was canceled (issue 27): the merchant's choice, from
-- merchants.events, and on the payment what was done with it (null for an ordinary success).
alter table merchant_profile add column late_success text
    check (late_success in ('refund', 'keep'));
alter table payment add column late_success text
    check (late_success in ('refund', 'keep'));
