-- Full syncs of a corp's directory from WeCom (reconciliation runs), and deletions waiting for an operator.

CREATE TABLE wx_reconcile_run (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    corp_id            VARCHAR(64)   NOT NULL,
    running_corp       VARCHAR(64)   NULL COMMENT 'the corp while the run is RUNNING, else NULL: one running run per corp, across instances',
    trigger_type       VARCHAR(16)   NOT NULL COMMENT 'SCHEDULE, MANUAL, INITIAL_LOAD',
    dry_run            BOOLEAN       NOT NULL,
    status             VARCHAR(24)   NOT NULL COMMENT 'RUNNING, SUCCEEDED, PARTIAL, AWAITING_CONFIRMATION, CONFIRMED, REJECTED, FAILED, ABANDONED',
    phase              VARCHAR(24)   NOT NULL,
    requested_by       VARCHAR(64)   NULL,
    instance           VARCHAR(64)   NOT NULL COMMENT 'the wx-service instance that runs it',
    started_at         DATETIME(3)   NOT NULL,
    heartbeat_at       DATETIME(3)   NOT NULL,
    finished_at        DATETIME(3)   NULL,
    users_read         INT           NOT NULL DEFAULT 0,
    departments_read   INT           NOT NULL DEFAULT 0,
    tags_read          INT           NOT NULL DEFAULT 0,
    created            INT           NOT NULL DEFAULT 0,
    updated            INT           NOT NULL DEFAULT 0,
    deleted            INT           NOT NULL DEFAULT 0,
    unchanged          INT           NOT NULL DEFAULT 0,
    failed             INT           NOT NULL DEFAULT 0 COMMENT 'WeCom reads that failed after retries',
    unreadable         INT           NOT NULL DEFAULT 0 COMMENT 'entries whose details WeCom refused (left unknown)',
    deletions_pending  INT           NOT NULL DEFAULT 0,
    wecom_errors       VARCHAR(1000) NULL COMMENT 'JSON: WeCom error code → count',
    samples            TEXT          NULL COMMENT 'JSON: kind of change → some of the ids',
    message            VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reconcile_running (running_corp),
    KEY idx_reconcile_corp (corp_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wx_reconcile_deletion (
    run_id     BIGINT      NOT NULL,
    kind       VARCHAR(16) NOT NULL COMMENT 'USER or DEPARTMENT',
    entity_id  VARCHAR(64) NOT NULL COMMENT 'WeCom userid or department id',
    PRIMARY KEY (run_id, kind, entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
