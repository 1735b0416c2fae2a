-- The console (merchant dashboard): its users, their server-side sessions and team invites.
-- Secrets are never stored: passwords as bcrypt, session and invite tokens as SHA-256.

create table console_user (
    id             text primary key,
    merchant_id    text        not null references merchant (id),
    -- lower-cased; one active account per address across the platform (it names the merchant)
    email          text        not null,
    password_hash  text        not null,
    role           text        not null check (role in ('owner', 'developer', 'viewer')),
    status         text        not null check (status in ('active', 'removed')),
    failed_logins  integer     not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz not null,
    removed_at     timestamptz
);
create unique index console_user_email on console_user (email) where status = 'active';
create index console_user_merchant on console_user (merchant_id, created_at);

create table console_session (
    id            text primary key,
    token_hash    bytea       not null unique,
    user_id       text        not null references console_user (id),
    merchant_id   text        not null references merchant (id),
    livemode      boolean     not null,
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    -- the absolute end; the idle end is last_seen_at + the idle timeout
    expires_at    timestamptz not null,
    ended_at      timestamptz
);
create index console_session_user on console_session (user_id) where ended_at is null;
create index console_session_expiry on console_session (expires_at);

create table console_invite (
    id           text primary key,
    token_hash   bytea       not null unique,
    merchant_id  text        not null references merchant (id),
    email        text        not null,
    role         text        not null check (role in ('owner', 'developer', 'viewer')),
    invited_by   text        not null references console_user (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index console_invite_merchant on console_invite (merchant_id, created_at);
