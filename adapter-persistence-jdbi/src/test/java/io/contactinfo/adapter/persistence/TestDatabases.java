package io.contactinfo.adapter.persistence;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases the tests run on, opened once per test run and shared by the test classes, whose data the
 * contracts keep apart by institution: an H2 file database, as the server runs by default, and the PostgreSQL at
 * {@value #URL_VARIABLE} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), in a schema of its own
 * that is dropped at the end, so the tests leave that database as they found it.
 */
final class TestDatabases {

    static final String URL_VARIABLE = "CONTACTINFO_TEST_POSTGRES_URL";

    /** The keys of every test database: two databases opened on the same data must share them. */
    static final DataProtection PROTECTION = DataProtection.generate();

    private static Path h2Directory;
    private static String postgresUrl;
    private static Database h2;
    private static Database postgres;

    private TestDatabases() {
    }

    /** The shared H2 file database. */
    static synchronized Database h2() {
        if (h2 == null) {
            h2 = Database.open(DatabaseSettings.of(h2Url()), PROTECTION);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                h2.close();
                deleteRecursively(h2Directory);
            }));
        }
        return h2;
    }

    /** The JDBC URL of the shared H2 file database, for opening it a second time as another server would. */
    static synchronized String h2Url() {
        if (h2Directory == null) {
            try {
                h2Directory = Files.createTempDirectory("contactinfo-h2-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "jdbc:h2:file:" + h2Directory.resolve("contactinfo");
    }

    /** The shared PostgreSQL database, in a schema of its own. */
    static synchronized Database postgres() {
        if (postgres == null) {
            postgres = Database.open(DatabaseSettings.of(postgresUrl()), PROTECTION);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                postgres.close();
                execute("DROP SCHEMA " + schema(postgresUrl()) + " CASCADE");
            }));
        }
        return postgres;
    }

    /** The JDBC URL of the shared PostgreSQL schema, for opening it a second time as another server would. */
    static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            postgresUrl = createSchema();
        }
        return postgresUrl;
    }

    /**
     * The JDBC URL of a new, empty H2 file database, deleted at the end: for tests that need the whole database to
     * themselves (a dispatcher claims the notifications of every institution).
     */
    static String newH2Url() {
        try {
            Path directory = Files.createTempDirectory("contactinfo-h2-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
            return "jdbc:h2:file:" + directory.resolve("contactinfo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of a new, empty PostgreSQL schema, dropped at the end: see {@link #newH2Url()}. */
    static String newPostgresUrl() {
        String url = createSchema();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP SCHEMA " + schema(url) + " CASCADE")));
        return url;
    }

    private static String createSchema() {
        String schema = "contactinfo_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        // currentSchema puts the schema first on the search path, so Flyway migrates into it and queries find it.
        String url = System.getenv(URL_VARIABLE);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String schema(String url) {
        return url.substring(url.lastIndexOf("currentSchema=") + "currentSchema=".length());
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(System.getenv(URL_VARIABLE));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
