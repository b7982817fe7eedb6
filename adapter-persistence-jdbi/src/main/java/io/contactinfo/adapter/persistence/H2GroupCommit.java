package io.contactinfo.adapter.persistence;

import io.contactinfo.application.port.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;

/**
 * Group commit, for an H2 file database whose commits must be in its file before they return ({@link Database#durable}):
 * a commit that wrote waits until the file holds it, and one write of the file holds every commit made before it
 * began, however many requests made them.
 *
 * <p>With {@code WRITE_DELAY=0}, H2 writes its whole store (a new chunk: every page changed since the last one, up to
 * each table's and index's root) inside each commit, one commit at a time: under 16 concurrent PUT contact-info, a
 * quarter of the server's CPU. Here H2 no longer writes at commit; after a commit that wrote, the committing thread
 * takes {@link #writer}: if a write that began after its commit has ended meanwhile, it is done; otherwise it writes
 * the store itself, for every commit made so far. What a request is told was saved is in the file, as before: only
 * the number of writes changes. On 2 cores, PUT contact-info served 5-10 % more requests a second, with 5 % less CPU
 * each (docs/benchmarks.md): at that rate, few commits arrive while the store is written. The more do, the more
 * one write serves.
 *
 * <p>A commit "wrote" when one of its statements returned no rows: every statement but a query, seen by JDBI's
 * {@link StatementCustomizer}. A statement outside any transaction (auto-commit) is waited for at once. Every write of
 * this module goes through JDBI; other SQL run on {@link Database#dataSource()} is written with the next commit here,
 * or when the database closes.
 */
final class H2GroupCommit implements StatementCustomizer {

    private final MVStore store;
    /** Commits that wrote, counted after each has committed. */
    private final AtomicLong committed = new AtomicLong();
    /** Held while the store is written; a committing thread waits for it, and may find its commit written. */
    private final ReentrantLock writer = new ReentrantLock();
    /** How many of {@link #committed} the last finished write holds; guarded by {@link #writer}. */
    private long written;
    /** The connections in a transaction that has written, so that its commit waits for the file. */
    private final Set<Connection> wrote = ConcurrentHashMap.newKeySet();

    private H2GroupCommit(MVStore store) {
        this.store = store;
    }

    /**
     * Takes over the writes of the data source's H2 file database, whose URL leaves {@code WRITE_DELAY} to H2: writes
     * what is committed so far, and stops H2's background writer. Until {@link #install}, nothing else is written.
     *
     * @throws IllegalStateException when the data source is not of an H2 file this process has open
     */
    static H2GroupCommit of(DataSource dataSource) throws SQLException {
        MVStore store = H2Housekeeping.fileStore(dataSource)
                .orElseThrow(() -> new IllegalStateException("not an H2 file opened by this process"));
        // A negative delay, as H2 sets when it closes a store: no write at each commit (0), and no background
        // writer (a positive delay). A connection whose URL set WRITE_DELAY would set it back; none of the pool's do.
        store.setAutoCommitDelay(-1);
        store.commit();
        return new H2GroupCommit(store);
    }

    /** Has every commit and auto-commit write that {@code jdbi} runs wait for the file. */
    void install(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).addCustomizer(this);
        jdbi.setTransactionHandler(new Committing(jdbi.getTransactionHandler()));
    }

    @Override
    public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
        if (statement.getResultSet() != null) {
            return;
        }
        Connection connection = context.getConnection();
        if (connection.getAutoCommit()) {
            awaitWritten();
        } else {
            wrote.add(connection);
        }
    }

    /** After a commit that wrote: returns once a write of the store that began after it has ended. */
    void awaitWritten() {
        long commit = committed.incrementAndGet();
        writer.lock();
        try {
            if (written >= commit) {
                return;
            }
            long upTo = committed.get();
            store.commit();
            written = upTo;
        } catch (RuntimeException failed) {
            throw new StoreUnavailableException(failed);
        } finally {
            writer.unlock();
        }
    }

    /** JDBI's transactions, each of which waits for the file after committing what it wrote. */
    private final class Committing extends DelegatingTransactionHandler {

        Committing(TransactionHandler delegate) {
            super(Objects.requireNonNull(delegate, "delegate"));
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            return new Committing(getDelegate().specialize(handle));
        }

        @Override
        public void commit(Handle handle) {
            boolean wroteAny = wrote.remove(handle.getConnection());
            super.commit(handle);
            if (wroteAny) {
                awaitWritten();
            }
        }

        @Override
        public void rollback(Handle handle) {
            wrote.remove(handle.getConnection());
            super.rollback(handle);
        }
    }
}
