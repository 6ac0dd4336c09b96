-- wx-service schema. MySQL 8 dialect, also run on MariaDB 10.11+ in tests. Times are UTC.

-- Every change WeCom tells us about, stored before we answer, then applied by the worker.
CREATE TABLE wx_inbox_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    corp_id         VARCHAR(64)   NOT NULL,
    agent_id        INT           NULL COMMENT 'the app the callback came in on; NULL for follow-ups',
    source          VARCHAR(16)   NOT NULL COMMENT 'CALLBACK, FOLLOW_UP (e.g. CRM push after a user change), RECONCILE',
    dedupe_key      CHAR(64)      NOT NULL COMMENT 'SHA-256 of corp and the decrypted message: a redelivery is a duplicate',
    event_type      VARCHAR(32)   NOT NULL COMMENT 'WeCom Event (change_contact …) or crm_push',
    change_type     VARCHAR(32)   NULL,
    entity_key      VARCHAR(200)  NOT NULL COMMENT 'user:{corp}:{UserID}, dept:{corp}:{Id}, tag:{corp}:{TagId}, crm:{corp}:{UserID}',
    alt_entity_key  VARCHAR(200)  NULL COMMENT 'the new id''s key of a rename, so order holds across old and new id',
    event_time      DATETIME(3)   NOT NULL COMMENT 'WeCom CreateTime',
    payload         MEDIUMTEXT    NOT NULL COMMENT 'the decrypted message, AES-GCM encrypted (it holds personal data)',
    status          VARCHAR(16)   NOT NULL COMMENT 'PENDING, PROCESSING, DONE, FAILED (waiting for retry), DEAD, IGNORED',
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    lease_owner     VARCHAR(64)   NULL,
    lease_until     DATETIME(3)   NULL,
    last_error      VARCHAR(1000) NULL,
    received_at     DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    done_at         DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_inbox_dedupe (dedupe_key),
    KEY idx_inbox_due (status, next_attempt_at),
    KEY idx_inbox_entity (entity_key, status),
    KEY idx_inbox_alt_entity (alt_entity_key, status),
    KEY idx_inbox_corp_status (corp_id, status, id),
    KEY idx_inbox_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
