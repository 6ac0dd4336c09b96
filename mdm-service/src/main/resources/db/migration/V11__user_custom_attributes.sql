-- Custom attributes (WeCom's ExtAttr: 工号, cost centre, grade …) and what wx-service's field mapping takes
-- from them. ext_attrs: JSON list of {name, type, text, webTitle, webUrl}, sorted by name, empty ones left
-- out; mapped_fields: JSON object field → value. employee_no is indexed for lookups by employee number.
ALTER TABLE mdm_user
    ADD COLUMN ext_attrs     TEXT        NULL COMMENT 'JSON: custom attributes, sorted by name',
    ADD COLUMN employee_no   VARCHAR(64) NULL COMMENT 'the custom attribute the corp maps to the employee number (工号)',
    ADD COLUMN mapped_fields TEXT        NULL COMMENT 'JSON: MDM field → value, from custom attributes',
    ADD INDEX idx_user_employee_no (corp_id, employee_no);
