-- The trace of the latest change a delivery carries, so the CRM call continues the WeCom event's trace
-- and its operation-log entry can be found by the same trace id.
ALTER TABLE mdm_outbox
    ADD COLUMN trace_id CHAR(32) NULL COMMENT 'W3C trace id of the latest recorded change; NULL when it had none';

-- "what did this trace do": the operation log is searched by trace id
CREATE INDEX idx_oper_log_trace ON mdm_oper_log (trace_id);
