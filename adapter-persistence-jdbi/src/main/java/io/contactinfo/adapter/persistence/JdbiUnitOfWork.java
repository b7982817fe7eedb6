package io.contactinfo.adapter.persistence;

import io.contactinfo.application.port.out.UnitOfWork;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A database transaction around the work. JDBI binds the transaction's handle to the thread, so every repository of
 * this module that the work calls ({@code jdbi.withHandle}, {@code jdbi.inTransaction}) runs on it and joins the
 * transaction; a unit of work begun inside another one joins it too.
 *
 * <p>The isolation level is the databases' default, READ COMMITTED: the limit registry serializes what must be
 * serialized with row locks. When the database gives up a transaction to break a deadlock or a serialization
 * conflict, the outermost unit of work runs the work again, a few times at most.
 *
 * <p>An {@link #attempt} is a savepoint: on PostgreSQL, where a failed statement aborts the whole transaction, rolling
 * back to it is also what lets the transaction go on.
 */
public final class JdbiUnitOfWork implements UnitOfWork {

    /** Serialization failure (H2 reports deadlocks with it too) and PostgreSQL's deadlock detected. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);
    /** Names the savepoints, unique within any transaction however attempts nest. */
    private final AtomicLong savepoints = new AtomicLong();

    public JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T transactionally(Supplier<T> work) {
        if (running.get()) {
            return jdbi.inTransaction(handle -> work.get());
        }
        running.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return jdbi.inTransaction(handle -> work.get());
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS || Sql.sqlState(e).filter(RETRYABLE::contains).isEmpty()) {
                        throw e;
                    }
                }
            }
        } finally {
            running.remove();
        }
    }

    @Override
    public <T> T attempt(Supplier<T> work) {
        if (!running.get()) {
            return transactionally(work);
        }
        return jdbi.withHandle(handle -> {
            String savepoint = "attempt_" + savepoints.incrementAndGet();
            handle.savepoint(savepoint);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException failed) {
                try {
                    handle.rollbackToSavepoint(savepoint);
                } catch (RuntimeException rollback) {
                    failed.addSuppressed(rollback);
                }
                throw failed;
            }
            handle.releaseSavepoint(savepoint);
            return result;
        });
    }
}
