package io.wecomsync.mdm.pii;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Schema migration 10: encrypts the telephone and address values stored before they were personal data
 * at rest (V9 renamed their columns to {@code telephone_cipher}/{@code address_cipher}). A Java
 * migration because it needs the PII key; Spring Boot hands Flyway every {@link JavaMigration} bean,
 * so it runs once, in order, inside Flyway's transaction and lock, before mdm-service serves anything.
 */
@Component
class SealTelephoneAndAddress implements JavaMigration {

    private static final int PAGE = 500;

    private final PiiCipher pii;

    SealTelephoneAndAddress(PiiCipher pii) {
        this.pii = pii;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10");
    }

    @Override
    public String getDescription() {
        return "seal telephone and address";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        seal(context.getConnection());
    }

    /** Encrypts every stored telephone and address, page by page in user_id order; answers how many rows. */
    int seal(Connection connection) throws SQLException {
        int sealed = 0;
        String after = "";
        try (PreparedStatement page = connection.prepareStatement("""
                SELECT user_id, telephone_cipher, address_cipher FROM mdm_user
                WHERE user_id > ? AND (telephone_cipher IS NOT NULL OR address_cipher IS NOT NULL)
                ORDER BY user_id LIMIT ?""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE mdm_user SET telephone_cipher = ?, address_cipher = ? WHERE user_id = ?")) {
            while (true) {
                page.setString(1, after);
                page.setInt(2, PAGE);
                int rows = 0;
                try (ResultSet plain = page.executeQuery()) {
                    while (plain.next()) {
                        rows++;
                        after = plain.getString(1);
                        update.setString(1, pii.encrypt("telephone", plain.getString(2)));
                        update.setString(2, pii.encrypt("address", plain.getString(3)));
                        update.setString(3, after);
                        update.addBatch();
                    }
                }
                if (rows == 0) {
                    return sealed;
                }
                update.executeBatch();
                sealed += rows;
            }
        }
    }
}
