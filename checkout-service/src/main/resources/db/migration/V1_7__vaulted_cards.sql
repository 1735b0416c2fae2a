-- A live purchase that saves the card (or charges a saved one) journals the vault's token
-- (docs/vault.md), so a repeated call or a lookup answers with the same payment method.
alter table iso8583_transaction add column payment_method_id text;
