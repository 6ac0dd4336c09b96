-- When a refresh last listed each address: a refresh that shrinks a list by more than half (a partial
-- answer from WeCom, a misconfigured app) keeps the addresses it no longer lists for a grace period.
ALTER TABLE mdm_login_ip ADD COLUMN listed_at DATETIME(3) NULL COMMENT 'when a replace last listed this address';
UPDATE mdm_login_ip SET listed_at = created_at;
ALTER TABLE mdm_login_ip MODIFY listed_at DATETIME(3) NOT NULL;
