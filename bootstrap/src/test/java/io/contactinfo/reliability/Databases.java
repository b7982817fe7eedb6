package io.contactinfo.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The databases the suite runs the server on, and plain JDBC to look at what the server stored: an H2 file under
 * the server's data directory (the default), or a schema of its own in the PostgreSQL at {@value #POSTGRES_VARIABLE},
 * dropped when closed.
 */
final class Databases {

    /** Where the tests find PostgreSQL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    static final String POSTGRES_VARIABLE = "CONTACTINFO_TEST_POSTGRES_URL";

    private Databases() {
    }

    /** A database the server can be pointed at ({@code CONTACTINFO_DB_URL}), and the tests can read. */
    interface Store extends AutoCloseable {

        /** The JDBC URL the server uses. */
        String url();

        /** What to call it in a report line. */
        String name();

        @Override
        void close();
    }

    /**
     * The H2 file the server keeps in {@code dataDirectory}. {@code AUTO_SERVER} lets the test read it while a
     * server process holds it open (the file and its recovery after a crash are H2's ordinary ones).
     */
    static Store h2(Path dataDirectory) {
        String url = "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("contactinfo") + ";AUTO_SERVER=TRUE";
        return new Store() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String name() {
                return "H2 file";
            }

            @Override
            public void close() {
                // the file goes with the data directory
            }
        };
    }

    /** A new, empty schema in the PostgreSQL of {@value #POSTGRES_VARIABLE}; closing drops it. */
    static Store postgres() {
        String base = System.getenv(POSTGRES_VARIABLE);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(POSTGRES_VARIABLE + " is not set");
        }
        String schema = "contactinfo_rel_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        // currentSchema puts the schema first on the search path: Flyway migrates into it, queries find it.
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Store() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String name() {
                return "PostgreSQL";
            }

            @Override
            public void close() {
                execute(base, "DROP SCHEMA " + schema + " CASCADE");
            }
        };
    }

    /** The rows {@code sql} selects, each a map from lower-case column name to value, in the query's order. */
    static List<Map<String, Object>> rows(String url, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one number {@code sql} selects. */
    static long count(String url, String sql, Object... parameters) {
        return ((Number) rows(url, sql, parameters).get(0).values().iterator().next()).longValue();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
