package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 no longer writes its file at each commit; every commit that wrote is in the file when it returns all the same,
 * and one that did not write leaves the file alone.
 */
class H2GroupCommitTest {

    @TempDir
    Path directory;
    private HikariDataSource dataSource;
    private MVStore store;
    private Jdbi jdbi;

    @BeforeEach
    void openWithGroupCommit() throws SQLException {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + directory.resolve("db"));
        dataSource.setMaximumPoolSize(8);
        H2GroupCommit groupCommit = H2GroupCommit.of(dataSource);
        store = H2Housekeeping.fileStore(dataSource).orElseThrow();
        jdbi = Jdbi.create(dataSource);
        groupCommit.install(jdbi);
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(40))"));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aTransactionThatWroteIsInTheFileWhenItsCommitReturns() {
        jdbi.useTransaction(handle -> handle.execute("INSERT INTO item VALUES (1, 'one')"));

        assertThat(store.hasUnsavedChanges()).isFalse();
    }

    @Test
    void anAutoCommitWriteIsInTheFileWhenItReturns() {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO item VALUES (2, 'two')").execute());

        assertThat(store.hasUnsavedChanges()).isFalse();
    }

    /** What the test above relies on: without the group commit, H2 no longer writes at commit. */
    @Test
    void withoutIt_aCommitLeavesItsChangesUnwritten() {
        Jdbi plain = Jdbi.create(dataSource);

        plain.useTransaction(handle -> handle.execute("INSERT INTO item VALUES (3, 'three')"));

        assertThat(store.hasUnsavedChanges()).isTrue();
    }

    @Test
    void aTransactionThatOnlyReadOrRolledBackLeavesTheFileAlone() {
        jdbi.useTransaction(handle -> handle.execute("INSERT INTO item VALUES (4, 'four')"));
        long version = store.getCurrentVersion();

        jdbi.useTransaction(handle -> handle.createQuery("SELECT name FROM item WHERE id = 4").mapTo(String.class)
                .one());
        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            handle.execute("INSERT INTO item VALUES (5, 'five')");
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.getCurrentVersion()).isEqualTo(version);
    }

    /** SHUTDOWN IMMEDIATELY closes the file without writing what is unwritten, as a killed process would. */
    @Test
    void concurrentCommitsSurviveAnImmediateShutdownOnceTheyReturned() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int id = 100; id < 500; id++) {
                int row = id;
                writes.add(writers.submit(() -> jdbi.useTransaction(handle -> handle.execute(
                        "INSERT INTO item VALUES (?, 'x')", row))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }

        assertThat(rowsAfterAnImmediateShutdown()).isEqualTo(400);
    }

    /** What the test above relies on: without the group commit, the same shutdown loses what was committed. */
    @Test
    void withoutIt_anImmediateShutdownLosesCommits() throws SQLException {
        Jdbi.create(dataSource).useTransaction(handle -> handle.execute("INSERT INTO item VALUES (6, 'six')"));

        assertThat(rowsAfterAnImmediateShutdown()).isZero();
    }

    private long rowsAfterAnImmediateShutdown() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closed) {
            // the pool's reset of the connection fails: the database is gone
        }
        dataSource.close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("db"));
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM item")) {
            assertThat(count.next()).isTrue();
            return count.getLong(1);
        }
    }
}
