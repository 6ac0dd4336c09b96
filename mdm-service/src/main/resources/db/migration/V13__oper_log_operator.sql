-- The person who asked for an entry's action (an operator's replay, skip, confirmed deletion …), apart
-- from the service that called: the operation log is searched by it.
ALTER TABLE mdm_oper_log
    ADD COLUMN operator VARCHAR(64) NULL COMMENT 'who asked for it: the subject of the operator''s token; NULL for what WeCom caused';

CREATE INDEX idx_oper_log_operator ON mdm_oper_log (operator, created_at);
