-- Conditions the WeCom admins are to be told about, one row per condition: raised by the features that
-- notice them, sent by the clustered notice job at most once per interval each.
CREATE TABLE wx_admin_notice (
    notice_key     VARCHAR(160) NOT NULL COMMENT 'kind:subject, e.g. DEAD_EVENTS:ww0123…; one row per condition',
    kind           VARCHAR(40)  NOT NULL,
    corp_id        VARCHAR(64)  NULL,
    detail         VARCHAR(300) NOT NULL COMMENT 'the latest occurrence, as the message says it; no personal data',
    occurrences    INT          NOT NULL DEFAULT 0 COMMENT 'raised since it was last sent',
    pending        TINYINT(1)   NOT NULL COMMENT '1 while it has occurrences not yet sent',
    last_raised_at DATETIME(3)  NOT NULL,
    last_sent_at   DATETIME(3)  NULL COMMENT 'the last message about it, sent or failed: the next comes an interval later',
    PRIMARY KEY (notice_key),
    KEY idx_admin_notice_pending (pending, last_raised_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
