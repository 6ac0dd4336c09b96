-- What each downstream target still has to be told about a user, written in the same transaction
-- as the user change itself, so no committed change can miss its delivery and no repeat adds one.
-- One row per target and user: changes that come while a delivery waits are coalesced into it.
CREATE TABLE mdm_outbox (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    target              VARCHAR(32)  NOT NULL COMMENT 'crm; later targets (signed webhooks, SCIM) get their own rows',
    user_id             VARCHAR(32)  NOT NULL COMMENT 'mdm userId: stable across renames',
    corp_id             VARCHAR(64)  NOT NULL,
    change_seq          BIGINT       NOT NULL COMMENT 'raised by every committed change of the user',
    delivered_seq       BIGINT       NOT NULL DEFAULT 0 COMMENT 'the change_seq the target last accepted',
    last_change         VARCHAR(16)  NOT NULL COMMENT 'CREATED, UPDATED, RENAMED or DELETED: the latest change',
    previous_wx_user_id VARCHAR(64)  NULL COMMENT 'the wxUserId the target last got, when the user was renamed since',
    status              VARCHAR(16)  NOT NULL COMMENT 'PENDING (to deliver at next_attempt_at), DELIVERED, DEAD',
    attempts            INT          NOT NULL DEFAULT 0 COMMENT 'refusals (4xx) of the current change: they lead to DEAD',
    waits               INT          NOT NULL DEFAULT 0 COMMENT 'tries that found the target unreachable or failing: they only back off',
    next_attempt_at     DATETIME(3)  NOT NULL,
    lease_owner         VARCHAR(80)  NULL COMMENT 'the claim delivering it now; a new claim gets a new token',
    lease_until         DATETIME(3)  NULL,
    last_error          VARCHAR(512) NULL,
    last_http_status    INT          NULL,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    delivered_at        DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_target_user (target, user_id),
    KEY idx_outbox_due (status, next_attempt_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
