-- The audit log's retention (edge.retention.audit-events, docs/console.md "Activity"): the table
-- stays append-only, except that a transaction which declares the retention in
-- payplatform.audit_retention (AuditEventRetention does, with set_config(..., true), for itself
-- only) may delete rows older than it. Updates, truncation and deleting younger rows are refused.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
declare
    kept interval := nullif(current_setting('payplatform.audit_retention', true), '')::interval;
begin
    if TG_OP = 'DELETE' and kept is not null and OLD.created_at < now() - kept then
        return OLD;
    end if;
    raise exception 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        using errcode = 'insufficient_privilege';
end;
$$;
create index audit_event_by_age on audit_event (created_at);
