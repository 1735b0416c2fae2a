-- The merchant's gateway account (merchants.events), carried into checkout tokens of link visits
-- and invoices and into invoice.charge_requested, so a live connector can charge them.
alter table merchant_record add column gateway_account_id text;
