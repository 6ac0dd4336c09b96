-- Which source events each write has already applied, written in the write's own transaction: a
-- repeat of the same event (a retry after a time-out that had committed, an inbox event applied again
-- after a crash or a lost lease) is answered ALREADY_APPLIED and writes nothing, not even a log entry.
CREATE TABLE mdm_applied_event (
    corp_id         VARCHAR(64)  NOT NULL,
    source_event_id VARCHAR(64)  NOT NULL,
    action          VARCHAR(32)  NOT NULL,
    subject         VARCHAR(64)  NOT NULL COMMENT 'the wxUserId (or other id) the event was applied to',
    event_time      DATETIME(3)  NOT NULL COMMENT 'part of the key: an id reused later (a wx-service whose database was reset counts from 1 again) is another event',
    applied_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (corp_id, source_event_id, action, subject, event_time),
    KEY idx_applied_event_time (applied_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
