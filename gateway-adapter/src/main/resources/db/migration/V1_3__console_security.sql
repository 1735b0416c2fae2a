-- The console's security round (docs/console.md): two-factor sign-in, revocable invites, sessions
-- that finish signing in in two steps, and the audit log of who did what.

-- Two-factor sign-in (TOTP, RFC 6238). The secret is sealed with AES-256-GCM under
-- edge.console.sealing-key: it has to be read again to check a code, so it cannot be hashed.
alter table console_user
    add column totp_secret_sealed  text,
    add column totp_pending_sealed text,
    add column totp_enabled_at     timestamptz,
    -- the last 30-second step whose code was accepted: a code works once
    add column totp_last_step      bigint,
    -- the code step's own lockout, kept apart from the password's
    add column failed_codes        integer not null default 0,
    add column codes_locked_until  timestamptz;

-- Ten single-use recovery codes per enrolment, as SHA-256; a new enrolment replaces them.
create table console_recovery_code (
    user_id    text        not null references console_user (id),
    code_hash  bytea       not null,
    created_at timestamptz not null,
    used_at    timestamptz,
    primary key (user_id, code_hash)
);

-- A session signs in in steps: the password, then the code (or an enrolment the team requires).
-- Only a 'signed_in' session acts for the merchant.
alter table console_session
    add column stage text not null default 'signed_in'
        check (stage in ('two_factor', 'enrol_two_factor', 'signed_in'));

-- An owner can require two-factor sign-in for the whole team.
alter table merchant add column console_requires_two_factor boolean not null default false;

-- An owner can revoke an invite that was not yet used.
alter table console_invite add column revoked_at timestamptz;

-- The audit log: one row per state-changing call made with a console session or a secret key, and
-- per console sign-in. Append-only, as the ledger: the database refuses to change or remove a row.
-- No foreign keys: a row outlives what it names.
create table audit_event (
    id           text primary key,
    merchant_id  text        not null,
    -- null for what belongs to no mode (sign-ins, the team, two-factor)
    livemode     boolean,
    created_at   timestamptz not null,
    actor_type   text        not null check (actor_type in ('user', 'api_key')),
    actor_id     text        not null,
    actor_email  text,
    action       text        not null,
    object_id    text,
    outcome      text        not null check (outcome in ('success', 'failure')),
    status       integer     not null,
    ip_address   text,
    method       text        not null,
    path         text        not null
);
create index audit_event_merchant on audit_event (merchant_id, created_at desc, id desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
