-- Like users, a department's fields are guarded by the time of the event that last set each of them:
-- an older partial update_party that arrives late still fills what nothing newer set.
-- JSON object: field name -> epoch milliseconds; NULL for rows written before (their newest event counts for every field).
ALTER TABLE mdm_department ADD COLUMN field_times TEXT NULL COMMENT 'JSON: field -> epoch ms of the event that last set it';
