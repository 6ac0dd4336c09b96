package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Creates Quartz's JDBC job-store tables from the MySQL/InnoDB script inside the Quartz jar itself, so
 * the schema always matches the Quartz version on the classpath. The script's DROP statements are
 * skipped: this runs once, on an empty schema, through Flyway.
 */
public class V2__quartz_job_store extends BaseJavaMigration {

    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    static List<String> statements() throws IOException {
        String script;
        try (InputStream in = V2__quartz_job_store.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath: is Quartz missing?");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = Arrays.stream(script.split("\n"))
                .filter(line -> !line.strip().startsWith("#") && !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .filter(sql -> !sql.regionMatches(true, 0, "DROP ", 0, 5))
                .filter(sql -> !sql.equalsIgnoreCase("commit"))
                .toList();
    }
}
