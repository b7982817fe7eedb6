package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upkeep of an H2 file whose commits are written at once: without it, chunks that each keep one page of an
 * append-only table are never reused and the file only grows.
 */
class H2HousekeepingTest {

    @Test
    void rewritesTheChunksThatCommitsOneByOneLeftMostlyEmpty(@TempDir Path directory) throws SQLException {
        try (HikariDataSource dataSource = rewritableAtOnce(directory)) {
            try (H2Housekeeping housekeeping = H2Housekeeping.of(dataSource).orElseThrow();
                 Connection connection = dataSource.getConnection()) {
                assertRewritesWhatCommitsOneByOneLeft(housekeeping, connection);
            }
        }
    }

    /**
     * Rewriting costs reads of every live page moved, which the collector then has to clear: run after run on a file
     * that is mostly live, it took GET contact-methods' p99 from 5 to 50-75 ms.
     */
    @Test
    void leavesAloneChunksThatAreMostlyLive(@TempDir Path directory) throws SQLException {
        try (HikariDataSource dataSource = rewritableAtOnce(directory)) {
            try (H2Housekeeping housekeeping = H2Housekeeping.of(dataSource).orElseThrow();
                 Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE journal (seq BIGINT PRIMARY KEY, line VARCHAR(200))");
                    statement.execute("INSERT INTO journal SELECT x, 'a line of the journal, long enough to fill "
                            + "pages: ' || x FROM SYSTEM_RANGE(1, 3000)");
                    // A quarter of the pages replaced in one commit: most of the file is still live.
                    statement.execute("UPDATE journal SET line = line || '.' WHERE seq <= 750");
                }
                int before = store(connection).getFileStore().getChunksFillRate();

                boolean rewritten = housekeeping.runOnce();

                assertThat(before).as("live share of the chunks").isBetween(H2Housekeeping.REWRITE_BELOW_FILL_RATE, 90);
                assertThat(rewritten).isFalse();
            }
        }
    }

    @Test
    void rewritesAMostlyDeadFileToItsLivePagesOnClosing(@TempDir Path directory) throws SQLException {
        Path file = directory.resolve("db.mv.db");
        long before;
        boolean compacted;
        try (HikariDataSource dataSource = rewritableAtOnce(directory)) {
            H2Housekeeping housekeeping = H2Housekeeping.of(dataSource).orElseThrow();
            try (Connection connection = dataSource.getConnection()) {
                appendAndUpdateOneCommitEach(connection);
            }
            assertThat(housekeeping.liveShare()).isLessThan(H2Housekeeping.COMPACT_BELOW_LIVE_SHARE);
            before = file.toFile().length();

            compacted = housekeeping.closeCompacting();
        }

        assertThat(compacted).isTrue();
        assertThat(file.toFile().length()).as("file size after").isLessThan(before / 2);
        // H2 writes an error it reports to a file beside the database: the shutdown and the pool's close report none.
        assertThat(directory.resolve("db.trace.db")).as("H2's trace file").doesNotExist();
        try (HikariDataSource reopened = rewritableAtOnce(directory); Connection connection = reopened.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(counter) FROM journal, profile")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(3_000);
            assertThat(rows.getLong(2)).isEqualTo(3_000);
        }
    }

    @Test
    void leavesAMostlyLiveFileAsItIsOnClosing(@TempDir Path directory) throws SQLException {
        try (HikariDataSource dataSource = rewritableAtOnce(directory)) {
            H2Housekeeping housekeeping = H2Housekeeping.of(dataSource).orElseThrow();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE journal (seq BIGINT PRIMARY KEY, line VARCHAR(200))");
                statement.execute("INSERT INTO journal SELECT x, 'a line of the journal, long enough to fill "
                        + "pages: ' || x FROM SYSTEM_RANGE(1, 3000)");
            }
            assertThat(housekeeping.liveShare()).isGreaterThanOrEqualTo(H2Housekeeping.COMPACT_BELOW_LIVE_SHARE);

            boolean compacted = housekeeping.closeCompacting();

            assertThat(compacted).isFalse();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM journal")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).as("still open").isEqualTo(3_000);
            }
        }
    }

    @Test
    void lowersTheRetentionTimeOfADatabaseItKeeps(@TempDir Path directory) throws SQLException {
        try (HikariDataSource dataSource = pool(Database.withH2Settings("jdbc:h2:file:" + directory.resolve("db")));
             Connection connection = dataSource.getConnection()) {
            assertThat(store(connection).getRetentionTime()).isEqualTo(45_000);

            try (H2Housekeeping housekeeping = H2Housekeeping.of(dataSource).orElseThrow()) {
                assertThat(store(connection).getRetentionTime()).isEqualTo((int) H2Housekeeping.RETENTION.toMillis());
            }
        }
    }

    /**
     * H2 closes a database with its last connection, and the next one opens the file as a new store, which the
     * upkeep would not know (Hikari retiring the only connection of a pool of one did that). The upkeep's own
     * connection keeps the database, and the store it keeps up, open.
     */
    @Test
    void keepsTheDatabaseOpenWhenThePoolClosesItsLastConnection(@TempDir Path directory) throws Exception {
        try (HikariDataSource dataSource = rewritableAtOnce(directory)) {
            dataSource.setMaximumPoolSize(1);
            MVStore kept;
            JdbcConnection pooled;
            try (H2Housekeeping housekeeping = H2Housekeeping.of(dataSource).orElseThrow()) {
                try (Connection connection = dataSource.getConnection()) {
                    kept = store(connection);
                    pooled = connection.unwrap(JdbcConnection.class);
                }
                dataSource.getHikariPoolMXBean().softEvictConnections();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!pooled.isClosed() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(pooled.isClosed()).as("the pool closed its connection").isTrue();
                try (Connection connection = dataSource.getConnection()) {
                    assertThat(store(connection)).as("the store of the next connection").isSameAs(kept);
                    assertRewritesWhatCommitsOneByOneLeft(housekeeping, connection);
                }
            }
            assertThat(kept.isClosed()).as("closed with the upkeep while the pool has a connection").isFalse();
        }
    }

    @Test
    void leavesAloneADatabaseThatH2KeepsItself(@TempDir Path directory) throws SQLException {
        try (HikariDataSource delayed = pool("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=500");
             HikariDataSource memory = pool("jdbc:h2:mem:housekeeping")) {
            Optional<H2Housekeeping> ofDelayed = H2Housekeeping.of(delayed);
            Optional<H2Housekeeping> ofMemory = H2Housekeeping.of(memory);

            assertThat(ofDelayed).isEmpty();
            assertThat(ofMemory).isEmpty();
        }
    }

    /** Commits one by one on the connection, then checks that a run of the upkeep leaves the chunks mostly live. */
    private static void assertRewritesWhatCommitsOneByOneLeft(H2Housekeeping housekeeping, Connection connection)
            throws SQLException {
        appendAndUpdateOneCommitEach(connection);
        int before = store(connection).getFileStore().getChunksFillRate();

        boolean rewritten = housekeeping.runOnce();
        // The run writes the moved pages; the chunks it emptied are dropped at the next commits.
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE profile SET counter = 0 WHERE id = 1");
            statement.execute("UPDATE profile SET counter = 1 WHERE id = 1");
        }
        int after = store(connection).getFileStore().getChunksFillRate();

        assertThat(before).as("live share of the chunks before").isLessThan(50);
        assertThat(rewritten).isTrue();
        assertThat(after).as("live share of the chunks after").isGreaterThan(50);
    }

    /** The shape of the service's writes: an append to a journal and an update elsewhere, one commit each. */
    private static void appendAndUpdateOneCommitEach(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE journal (seq BIGINT PRIMARY KEY, line VARCHAR(200))");
            statement.execute("CREATE TABLE profile (id INT PRIMARY KEY, counter BIGINT)");
            statement.execute("INSERT INTO profile VALUES (1, 0)");
        }
        try (PreparedStatement append = connection.prepareStatement("INSERT INTO journal VALUES (?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE profile SET counter = ? WHERE id = 1")) {
            for (long seq = 1; seq <= 3_000; seq++) {
                append.setLong(1, seq);
                append.setString(2, "a line of the journal, long enough to fill pages: " + seq);
                append.executeUpdate();
                update.setLong(1, seq);
                update.executeUpdate();
            }
        }
    }

    /** A durable H2 file with retention 0: chunks are rewritable at once, not after the 5 s the upkeep allows. */
    private static HikariDataSource rewritableAtOnce(Path directory) {
        return pool(Database.withH2Settings("jdbc:h2:file:" + directory.resolve("db")) + ";RETENTION_TIME=0");
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    private static MVStore store(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
