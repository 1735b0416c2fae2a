-- platform-commons: the owning service's own record of an Idempotency-Key (docs/decisions/0018).
-- Written in the transaction of the request's effect, so the effect and its record commit or roll
-- back together; a retry after the edge's lease finds it here and gets the first answer.
create table idempotent_request (
    merchant_id      text        not null,
    livemode         boolean     not null,
    idempotency_key  text        not null,
    -- SHA-256 of method, path and the request's parameters: a different request under the same key
    -- is refused.
    fingerprint      text        not null,
    -- Null while a request that spans several transactions (a confirmation) is still running.
    response_status  integer,
    response_body    text,
    -- False for an answer that carried a secret shown once: a retry is told so instead.
    replayable       boolean     not null default true,
    -- The lease of a request still running over several transactions; past it, a retry may run.
    locked_until     timestamptz,
    created_at       timestamptz not null default now(),
    primary key (merchant_id, livemode, idempotency_key)
);

-- Retention deletes by age.
create index idempotent_request_created on idempotent_request (created_at);
