-- The expiry sweep looks for pending hosted payments whose checkout link expired.
create index payment_pending_checkout_expiry
    on payment (checkout_expires_at) where status = 'pending';
