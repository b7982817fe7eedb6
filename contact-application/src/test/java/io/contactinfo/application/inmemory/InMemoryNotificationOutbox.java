package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import java.util.ArrayList;
import java.util.List;

/** A {@link NotificationOutbox} in a list, readable by tests. */
public final class InMemoryNotificationOutbox implements NotificationOutbox, InMemoryUnitOfWork.Transactional {

    private final List<Notification> pending = new ArrayList<>();

    @Override
    public synchronized void enqueue(Notification notification) {
        pending.add(notification);
    }

    /** Every notification enqueued and not rolled back, oldest first. */
    public synchronized List<Notification> pending() {
        return List.copyOf(pending);
    }

    @Override
    public synchronized Object snapshot() {
        return List.copyOf(pending);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        pending.clear();
        pending.addAll((List<Notification>) snapshot);
    }
}
