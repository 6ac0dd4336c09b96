-- Telephone and address are personal data like mobile and email: from now on they are held only as
-- ciphertext (keyId:base64(iv|AES-GCM ciphertext), the field name bound in as associated data).
-- The columns are renamed and widened here; V10 (a Java migration: it needs the PII key) encrypts the
-- values already stored, in the same deployment, before the service takes any request.
ALTER TABLE mdm_user
    CHANGE COLUMN telephone telephone_cipher VARCHAR(255) NULL COMMENT 'keyId:base64(iv|AES-GCM ciphertext)',
    CHANGE COLUMN address address_cipher VARCHAR(1500) NULL COMMENT 'keyId:base64(iv|AES-GCM ciphertext)';
