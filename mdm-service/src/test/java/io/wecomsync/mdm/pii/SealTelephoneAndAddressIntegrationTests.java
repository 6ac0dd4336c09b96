package io.wecomsync.mdm.pii;

import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Migration 10 on rows as an older release left them: telephone and address in plaintext. */
class SealTelephoneAndAddressIntegrationTests extends MdmIntegrationTest {

    @Autowired
    SealTelephoneAndAddress migration;
    @Autowired
    PiiCipher pii;

    private final String corp = newCorpId();

    @Test
    void encryptsWhatAnOlderReleaseStoredInPlaintext() throws Exception {
        String userId = http.put("/users/by-wx/{corp}/old", user(Instant.parse("2026-11-03T08:00:00Z"), "name", "Old"), corp)
                .data().path("data").path("userId").asText();
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                // as V9 leaves a row stored before it: the plaintext now sits in the renamed columns
                try (PreparedStatement legacy = connection.prepareStatement(
                        "UPDATE mdm_user SET telephone_cipher = ?, address_cipher = ? WHERE user_id = ?")) {
                    legacy.setString(1, "010-62345678");
                    legacy.setString(2, "北京市海淀区中关村大街1号");
                    legacy.setString(3, userId);
                    legacy.executeUpdate();
                }

                int sealed = migration.seal(connection);

                assertThat(sealed).isPositive();
                try (PreparedStatement read = connection.prepareStatement(
                        "SELECT telephone_cipher, address_cipher FROM mdm_user WHERE user_id = ?")) {
                    read.setString(1, userId);
                    try (ResultSet row = read.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getString(1)).doesNotContain("62345678").startsWith("dev:");
                        assertThat(row.getString(2)).doesNotContain("海淀").startsWith("dev:");
                        assertThat(pii.decrypt("telephone", row.getString(1))).isEqualTo("010-62345678");
                        assertThat(pii.decrypt("address", row.getString(2))).isEqualTo("北京市海淀区中关村大街1号");
                    }
                }
            } finally {
                // the shared test database holds rows sealed already: leave them as they were
                connection.rollback();
            }
        }
    }

    @Test
    void flywayRanItInOrderAfterTheColumnsWereRenamed() {
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank",
                String.class)).containsSubsequence("9", "10");
    }
}
