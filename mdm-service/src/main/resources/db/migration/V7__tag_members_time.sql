-- A tag's member list carries no event time of its own: wx-service re-reads it from WeCom. The time
-- of the newest list or delta applied is kept, so an older read that arrives late cannot overwrite a
-- newer one.
ALTER TABLE mdm_tag ADD COLUMN members_time DATETIME(3) NULL COMMENT 'source time of the newest member list or delta applied';
