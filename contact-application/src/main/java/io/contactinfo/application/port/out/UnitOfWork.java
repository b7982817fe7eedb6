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

    /** {@link #transactionally(Supplier)} for work that returns nothing. */
    default void transactionally(Runnable work) {
        transactionally(() -> {
            work.run();
            return null;
        });
    }
}
