-- WeCom's update_user carries only the fields that changed, and events can arrive out of order: a
-- field is therefore guarded by the time of the event that last set it, not only by the row's newest
-- event. JSON object: field name -> epoch milliseconds.
ALTER TABLE mdm_user ADD COLUMN field_times TEXT NULL COMMENT 'JSON: field -> epoch ms of the event that last set it';
