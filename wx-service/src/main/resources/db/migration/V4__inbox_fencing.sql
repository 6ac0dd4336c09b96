-- Fencing and outage-proof retries for the apply path.
ALTER TABLE wx_inbox_event
    ADD COLUMN lease_version BIGINT NOT NULL DEFAULT 0
        COMMENT 'raised by every claim: a lease renewal or finish must name the claim it belongs to, so a worker that lost its lease changes nothing',
    ADD COLUMN waits INT NOT NULL DEFAULT 0
        COMMENT 'tries that found a dependency unavailable (mdm-service, WeCom, Redis); unlike attempts they never make an event DEAD';
