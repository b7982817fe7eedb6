package io.contactinfo.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction, decided by the application without knowing how it is kept.
 *
 * <p>Everything {@code work} writes through the ports — the change, its audit record, its
 * notifications — commits together, or, when {@code work} throws, none of it does.
 */
public interface UnitOfWork {

    <T> T transactionally(Supplier<T> work);

    /**
     * Runs {@code work} as one step of the enclosing unit of work that can fail alone: when it throws, what it wrote
     * is undone (a savepoint), the exception goes on to the caller, and the enclosing unit of work can go on and
     * commit the rest. Without an enclosing unit of work, it is {@link #transactionally(Supplier)}.
     */
    <T> T attempt(Supplier<T> work);

    /** {@link #transactionally(Supplier)} for work that returns nothing. */
    default void transactionally(Runnable work) {
        transactionally(() -> {
            work.run();
            return null;
        });
    }
}
