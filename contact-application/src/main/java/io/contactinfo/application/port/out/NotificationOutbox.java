package io.contactinfo.application.port.out;

/**
 * Where notifications wait for delivery. Enqueued in the same unit of work as the change that
 * causes them, so a committed change always has its messages and a rolled-back one has none; an
 * {@link OutboxQueue} over the same store hands them to the dispatcher.
 */
public interface NotificationOutbox {

    void enqueue(Notification notification);
}
