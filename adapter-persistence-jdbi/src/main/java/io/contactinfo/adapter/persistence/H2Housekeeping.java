package io.contactinfo.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * For an H2 file database that writes each commit before the commit returns ({@code WRITE_DELAY=0}, see
 * {@link Database#withH2Settings}): the upkeep H2's background writer does for any other, which that setting turns off.
 *
 * <p>H2 writes each commit as a new chunk at the end of its file. A chunk can be reused once every page in it has been
 * replaced, but nearly every chunk keeps one page for good: the last version of a full leaf of an append-only table
 * (the audit log, the outbox). Without this upkeep, 80 s of PUT contact-info (about 300 commits a second) grew a
 * 50 MB file to 2.5 GB, and each commit spent longer on the growing list of chunks. Once a {@link #EVERY second}, this:
 * <ol>
 *   <li>forces the file's writes to the disk, so that every chunk older than a second survives a power loss;</li>
 *   <li>when the chunks are on average less than {@link #REWRITE_BELOW_FILL_RATE} % live, rewrites the live pages
 *       of the emptiest chunks older than the retention time into a new one, up to
 *       {@link #REWRITE_BYTES} a run, so that their space is free to reuse.</li>
 * </ol>
 * On starting it lowers H2's retention time, how long a replaced chunk is kept before its space is reused, from
 * 45 s to {@link #RETENTION}: H2 keeps them that long because it never forces its writes to the disk itself. The
 * rewrite holds H2's store lock, as a commit does; H2's own {@code MVStore.compact} waits 10 ms for it and gives up,
 * which under a steady load of commits is every time, so the lock is taken here first, by reflection on H2's
 * private field (the H2 version is pinned; a version without that field gets the compaction without it).
 *
 * <p>It holds a connection of its own, outside the pool, for as long as it runs. H2 closes a database with its last
 * connection, and the next opens the file as a new store, which this upkeep would not know: Hikari retiring the only
 * connection of a pool of one did that. While that connection is open, the database stays open as the pool's
 * connections come and go. Closed by anyone else (a {@code SHUTDOWN}, H2 after a fatal error, or H2's hook at exit
 * with {@code AUTO_SERVER}), it is left closed.
 */
final class H2Housekeeping implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(1);
    static final Duration RETENTION = Duration.ofSeconds(5);
    static final int REWRITE_BYTES = 4 << 20;
    /**
     * Chunks on average at least this live are left as they are. H2's own {@code compact} threshold, 90, kept a file
     * that only reads busy rewriting 4 MB a second, and the pages it read filled the heap: a full collection every
     * 2 s, and GET contact-methods' p99 at 50-75 ms instead of 5. H2's background writer waits for about 60 too.
     */
    static final int REWRITE_BELOW_FILL_RATE = 60;

    /**
     * Below this live share, {@link #closeCompacting} rewrites the file. An import's commits of 200 customers each
     * left 10,000 customers in a 243 MB file of which 18 MB was live (rewritten in 1 s); a server started on such a
     * file spends its first minutes rewriting it, and GET contact-methods' p99 on 100,000 customers was 36-68 ms
     * instead of 5 meanwhile.
     */
    static final int COMPACT_BELOW_LIVE_SHARE = 50;

    /** Outside the pool: it keeps the database open, and the pool never hands it out or takes it back. */
    private final Connection own;
    private final MVStore store;
    private final Optional<Lock> storeLock;
    private final ScheduledExecutorService scheduler;

    private H2Housekeeping(Connection own, MVStore store) {
        this.own = own;
        this.store = store;
        this.storeLock = storeLock(store);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The upkeep of the pool's database, not yet started, if it is an H2 file in this process whose commits are
     * written at once; empty for any other. Lowers the database's retention time to {@link #RETENTION}.
     */
    static Optional<H2Housekeeping> of(HikariDataSource pool) throws SQLException {
        String url = pool.getJdbcUrl();
        if (url == null || !Database.inProcessH2(url)) {
            return Optional.empty();
        }
        Connection own = DriverManager.getConnection(url, pool.getUsername(), pool.getPassword());
        try {
            Optional<MVStore> store = fileWrittenAtOnce(own);
            if (store.isPresent()) {
                store.get().setRetentionTime((int) Math.min(store.get().getRetentionTime(), RETENTION.toMillis()));
                return Optional.of(new H2Housekeeping(own, store.get()));
            }
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
        own.close();
        return Optional.empty();
    }

    /** The store of the connection's database, if it is an H2 file in this process that writes commits at once. */
    private static Optional<MVStore> fileWrittenAtOnce(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() != null && store.getAutoCommitDelay() == 0 ? Optional.of(store) : Optional.empty();
    }

    /** Runs the upkeep {@link #EVERY second} from now on, until {@link #close()}. */
    H2Housekeeping start() {
        scheduler.scheduleWithFixedDelay(this::runQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One run: the sync, then the rewrite. Says whether any chunk was rewritten. */
    boolean runOnce() {
        if (store.isClosed()) {
            return false;
        }
        store.sync();
        storeLock.ifPresent(Lock::lock);
        try {
            return rewrite();
        } finally {
            storeLock.ifPresent(Lock::unlock);
        }
    }

    /**
     * Moves the live pages of the emptiest chunks, and writes them at once, as H2's background writer does: left
     * to the next commit, an idle database would have the same chunks rewritten at every run.
     */
    private boolean rewrite() {
        boolean rewritten = store.compact(REWRITE_BELOW_FILL_RATE, REWRITE_BYTES);
        if (rewritten) {
            store.commit();
        }
        return rewritten;
    }

    /**
     * Stops the upkeep, then, when less than {@link #COMPACT_BELOW_LIVE_SHARE} % of the file holds live pages,
     * closes the database with its file rewritten to those pages alone (H2's {@code SHUTDOWN COMPACT}); says whether
     * it did. The upkeep reuses the space of dead chunks but never shrinks the file.
     */
    boolean closeCompacting() throws SQLException {
        stop();
        try (Connection connection = own) {
            if (store.isClosed() || liveShare() >= COMPACT_BELOW_LIVE_SHARE) {
                return false;
            }
            // On this connection, not a pooled one: the shutdown closes every session, and the pool, given back a
            // connection whose session is closed, calls it (clearWarnings), which H2 refuses and writes to its trace
            // file as an error, stack trace and all, after every import.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return true;
        }
    }

    /** The share of the file, in percent, that live pages take: the live share of its chunks times theirs of it. */
    int liveShare() {
        return store.getFileStore().getChunksFillRate() * store.getFillRate() / 100;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException closedMeanwhile) {
            // The store closed between the check and the work, or H2 failed a write: a failed write fails the
            // next commit too, which reports it. The next run tries again.
        }
    }

    private static Optional<Lock> storeLock(MVStore store) {
        try {
            Field field = MVStore.class.getDeclaredField("storeLock");
            field.setAccessible(true);
            return field.get(store) instanceof Lock lock ? Optional.of(lock) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return Optional.empty();
        }
    }

    /**
     * Lets a run under way finish, without interrupting it: an interrupted thread's write closes H2's file channel,
     * after which H2 can write nothing more to the file. A run is at most one sync and {@link #REWRITE_BYTES}.
     */
    private void stop() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the upkeep and closes its connection; the database stays open while the pool has connections to it. */
    @Override
    public void close() {
        stop();
        try {
            own.close();
        } catch (SQLException notClosed) {
            // H2 could not roll back or end the session: nothing was written on it, and every commit is in the file
        }
    }
}
