-- The W3C traceparent of the event (or resend) that made the delivery, so each attempt is a span of
-- the trace that produced the event (docs/operations.md, "Traces"). Null outside a trace.
alter table delivery add column traceparent text;
