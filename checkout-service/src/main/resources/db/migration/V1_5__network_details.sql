-- What the card network answered a live charge's last attempt (docs/connectors.md): the issuer's
-- authorization code (DE 38), the retrieval reference number (DE 37), the response code (DE 39).
alter table payment_intent
    add column network_authorization_code text,
    add column network_rrn                text,
    add column network_response_code      text;
alter table payment_attempt
    add column network_authorization_code text,
    add column network_rrn                text,
    add column network_response_code      text;
