-- What the card network answered a live payment's charge (checkout's payment_intent events): the
-- issuer's authorization code (DE 38), the retrieval reference number (DE 37), the response code.
alter table payment
    add column network_authorization_code text,
    add column network_rrn                text,
    add column network_response_code      text;
