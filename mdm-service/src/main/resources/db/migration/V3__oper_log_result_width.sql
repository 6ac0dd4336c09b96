-- Reconciliation runs end in results such as AWAITING_CONFIRMATION: wider than the write outcomes.
ALTER TABLE mdm_oper_log MODIFY result VARCHAR(32) NOT NULL;
