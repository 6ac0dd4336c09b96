/**
 * mdm-service: the company's own master data (主数据). Feature packages own their tables:
 * {@code user}, {@code department}, {@code tag}, {@code loginip}, {@code crm}; every write records
 * itself through {@code oplog} in the same transaction. {@code web} holds the one error style,
 * {@code pii} the encryption of mobile and email.
 */
package io.wecomsync.mdm;
