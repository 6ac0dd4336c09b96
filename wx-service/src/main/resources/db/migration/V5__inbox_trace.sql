-- The trace each event came with, so applying it later (another thread, maybe another instance) continues
-- that trace into mdm-service's operation log and the CRM delivery.
ALTER TABLE wx_inbox_event
    ADD COLUMN trace_parent VARCHAR(55) NULL
        COMMENT 'W3C traceparent of the request that stored it (callback, reconciliation, follow-up); NULL when none';
