-- The dispatcher's claim takes each endpoint's first due deliveries (docs/webhooks.md, "Delivery"):
-- per endpoint, oldest due first, read from this index rather than by ranking every due row.
create index delivery_due_by_endpoint on delivery (endpoint_id, next_attempt_at)
    where status = 'pending';
