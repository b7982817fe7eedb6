package io.contactinfo.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The repository on the PostgreSQL at {@value #URL_VARIABLE}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; skipped when the variable is not set.
 * The tests run in a schema of their own, dropped at the end, so they leave the database as they found it.
 */
@EnabledIfEnvironmentVariable(named = PostgresUserRepositoryTest.URL_VARIABLE, matches = ".+")
class PostgresUserRepositoryTest extends JdbiUserRepositoryContract {

    static final String URL_VARIABLE = "CONTACTINFO_TEST_POSTGRES_URL";

    private static final String URL = System.getenv(URL_VARIABLE);
    private static final String SCHEMA = "contactinfo_test_" + UUID.randomUUID().toString().replace("-", "");

    private static Database database;

    @BeforeAll
    static void openDatabase() throws SQLException {
        execute("CREATE SCHEMA " + SCHEMA);
        // currentSchema puts the schema first on the search path, so Flyway migrates into it and queries find it.
        String separator = URL.contains("?") ? "&" : "?";
        database = Database.open(DatabaseSettings.of(URL + separator + "currentSchema=" + SCHEMA));
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (database != null) {
            database.close();
        }
        execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    protected Database database() {
        return database;
    }
}
