package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.UnitOfWork;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A unit of work over in-memory stores: the work runs alone (one lock), and when it throws,
 * every store is put back as it was before the work began.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    /** An in-memory store whose whole state can be copied and put back. */
    public interface Transactional {

        Object snapshot();

        void restore(Object snapshot);
    }

    private final List<Transactional> stores;
    private final ReentrantLock lock = new ReentrantLock();

    public InMemoryUnitOfWork(Transactional... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> T transactionally(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get(); // joins the enclosing unit of work
            }
            return undoneWhenItFails(work);
        } finally {
            lock.unlock();
        }
    }

    /** Within a unit of work, the stores are copied before the step and put back when it fails. */
    @Override
    public <T> T attempt(Supplier<T> work) {
        lock.lock();
        try {
            return undoneWhenItFails(work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T undoneWhenItFails(Supplier<T> work) {
        List<Object> before = stores.stream().map(Transactional::snapshot).toList();
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < stores.size(); i++) {
                stores.get(i).restore(before.get(i));
            }
            throw e;
        }
    }
}
