-- platform-commons: each outbox row keeps the W3C traceparent of the request (or consumer) that
-- wrote it, so the relay publishes the event as part of that trace and its consumers continue it
-- (docs/operations.md, "Traces"). Null for rows written outside any trace.
alter table outbox_event add column traceparent text;
