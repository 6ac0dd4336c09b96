-- mdm-service schema. MySQL 8 dialect, also run on MariaDB 10.11+ in tests.
-- Times are UTC (the JDBC URL pins the session time zone). Every table is scoped by corp_id where
-- its rows belong to one WeCom corp.

CREATE TABLE mdm_user (
    user_id          VARCHAR(32)  NOT NULL COMMENT 'stable generated id, never reused',
    corp_id          VARCHAR(64)  NOT NULL,
    wx_user_id       VARCHAR(64)  NOT NULL COMMENT 'WeCom userid; changes on rename',
    name             VARCHAR(64)  NULL,
    alias            VARCHAR(64)  NULL,
    position         VARCHAR(128) NULL,
    gender           TINYINT      NULL COMMENT '0 unknown, 1 male, 2 female',
    status           VARCHAR(2)   NULL COMMENT '1 active, 2 disabled, 4 not activated, 5 left',
    mobile_cipher    VARCHAR(255) NULL COMMENT 'keyId:base64(iv|AES-GCM ciphertext)',
    mobile_hash      CHAR(64)     NULL COMMENT 'HMAC-SHA256 of the normalized mobile, for lookup',
    email_cipher     VARCHAR(512) NULL,
    email_hash       CHAR(64)     NULL,
    biz_mail_cipher  VARCHAR(512) NULL,
    telephone        VARCHAR(32)  NULL,
    address          VARCHAR(255) NULL,
    avatar           VARCHAR(512) NULL,
    direct_leader    VARCHAR(3300) NULL COMMENT 'comma-separated WeCom userids',
    main_department  BIGINT       NULL,
    last_event_time  DATETIME(3)  NOT NULL COMMENT 'source event time of the newest applied write',
    last_event_id    VARCHAR(64)  NULL,
    deleted          TINYINT(1)   NOT NULL DEFAULT 0,
    deleted_at       DATETIME(3)  NULL,
    version          INT          NOT NULL DEFAULT 0 COMMENT 'optimistic lock',
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (user_id),
    UNIQUE KEY uk_user_corp_wx_user (corp_id, wx_user_id),
    KEY idx_user_mobile_hash (corp_id, mobile_hash),
    KEY idx_user_email_hash (corp_id, email_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_user_department (
    user_id     VARCHAR(32) NOT NULL,
    dept_id     BIGINT      NOT NULL,
    corp_id     VARCHAR(64) NOT NULL,
    sort_order  BIGINT      NULL COMMENT 'the user''s order within the department',
    is_leader   TINYINT(1)  NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, dept_id),
    KEY idx_user_department_dept (corp_id, dept_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_user_rename (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    user_id           VARCHAR(32) NOT NULL,
    corp_id           VARCHAR(64) NOT NULL,
    old_wx_user_id    VARCHAR(64) NOT NULL,
    new_wx_user_id    VARCHAR(64) NOT NULL,
    source_event_time DATETIME(3) NOT NULL,
    source_event_id   VARCHAR(64) NULL,
    renamed_at        DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_user_rename_user (user_id),
    KEY idx_user_rename_old (corp_id, old_wx_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_department (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    corp_id         VARCHAR(64) NOT NULL,
    dept_id         BIGINT      NOT NULL COMMENT 'WeCom department id',
    name            VARCHAR(64) NULL,
    parent_id       BIGINT      NULL,
    sort_order      BIGINT      NULL,
    last_event_time DATETIME(3) NOT NULL,
    last_event_id   VARCHAR(64) NULL,
    deleted         TINYINT(1)  NOT NULL DEFAULT 0,
    deleted_at      DATETIME(3) NULL,
    version         INT         NOT NULL DEFAULT 0,
    created_at      DATETIME(3) NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_department_corp_dept (corp_id, dept_id),
    KEY idx_department_parent (corp_id, parent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_tag (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    corp_id    VARCHAR(64) NOT NULL,
    tag_id     BIGINT      NOT NULL COMMENT 'WeCom tag id',
    name       VARCHAR(64) NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tag_corp_tag (corp_id, tag_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_tag_user (
    corp_id    VARCHAR(64) NOT NULL,
    tag_id     BIGINT      NOT NULL,
    wx_user_id VARCHAR(64) NOT NULL COMMENT 'WeCom userid: a tag may name users not synced yet',
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (corp_id, tag_id, wx_user_id),
    KEY idx_tag_user_user (corp_id, wx_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_tag_department (
    corp_id    VARCHAR(64) NOT NULL,
    tag_id     BIGINT      NOT NULL,
    dept_id    BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (corp_id, tag_id, dept_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_login_ip (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    ip_type    VARCHAR(32) NOT NULL COMMENT 'e.g. QYWX: WeCom callback IPs',
    ip         VARCHAR(64) NOT NULL COMMENT 'an IPv4/IPv6 address or CIDR',
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_login_ip_type_ip (ip_type, ip)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_oper_log (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    created_at      DATETIME(3)  NOT NULL,
    corp_id         VARCHAR(64)  NULL,
    action          VARCHAR(32)  NOT NULL,
    target_type     VARCHAR(32)  NOT NULL,
    target_id       VARCHAR(128) NOT NULL,
    result          VARCHAR(16)  NOT NULL,
    changes         TEXT         NULL COMMENT 'JSON list of {field, before, after}; personal data masked',
    source_event_id VARCHAR(64)  NULL,
    trace_id        VARCHAR(64)  NULL,
    caller          VARCHAR(64)  NULL,
    message         VARCHAR(512) NULL,
    PRIMARY KEY (id),
    KEY idx_oper_log_target (target_type, target_id, created_at),
    KEY idx_oper_log_corp (corp_id, created_at),
    KEY idx_oper_log_action (action, created_at),
    KEY idx_oper_log_time (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mdm_crm_sync_attempt (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id         VARCHAR(32)  NOT NULL,
    corp_id         VARCHAR(64)  NOT NULL,
    idempotency_key CHAR(64)     NOT NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'SUCCESS, FAILED or SKIPPED',
    http_status     INT          NULL,
    detail          VARCHAR(512) NULL COMMENT 'short excerpt of the CRM answer or the error',
    duration_ms     INT          NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_crm_attempt_user (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
