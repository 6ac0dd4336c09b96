package io.wecomsync.wx.reconcile;

import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The reconciliation tests' directory, simulator and a way to empty mdm-service's test database. */
final class ReconcileFixtures {

    private ReconcileFixtures() {
    }

    /** Departments 1 (root), 2 and 3; users u01…uNN alternating between 2 and 3; tag 7 with u01, u02 and department 3. */
    static void seed(Directory directory, int users) {
        directory.put(new Directory.Department(1, "总部", 0, 1));
        directory.put(new Directory.Department(2, "研发部", 1, 2));
        directory.put(new Directory.Department(3, "销售部", 1, 3));
        for (int i = 1; i <= users; i++) {
            long department = i % 2 == 0 ? 2 : 3;
            directory.put(new Directory.User(String.format("u%02d", i), "员工" + i, List.of(department), department,
                    "工程师", "1380000" + String.format("%04d", i), null, null, 1));
        }
        directory.put(new Directory.Tag(7, "骨干", Set.of("u01", "u02"), Set.of(3L)));
    }

    /** Empties every table of this class's mdm-service database but Flyway's history. */
    static void emptyDatabase(TestInfrastructure.TestDatabase db) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String table : tables) {
                statement.execute("DELETE FROM `" + table + "`");
            }
            statement.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    static WeComApiServer simulator(Directory directory, String corpId) {
        try {
            return new WeComApiServer(directory, corpId, 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
