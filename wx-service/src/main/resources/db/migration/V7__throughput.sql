-- What the instances received and applied, per minute: each instance adds its own counts every few
-- seconds, the ops console's chart sums them. Kept two days.
CREATE TABLE wx_throughput_minute (
    minute_start DATETIME     NOT NULL COMMENT 'the minute (UTC) the counts fall in',
    instance     VARCHAR(100) NOT NULL COMMENT 'which wx-service process counted them',
    received     BIGINT       NOT NULL DEFAULT 0 COMMENT 'events stored in the inbox',
    applied      BIGINT       NOT NULL DEFAULT 0 COMMENT 'events applied (DONE)',
    PRIMARY KEY (minute_start, instance)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
