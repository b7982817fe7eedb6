package io.contactinfo.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispatcher's side of the {@link NotificationOutbox}: the same notifications, taken out for
 * delivery. A port of its own, so that the use cases that make changes see only {@code enqueue}.
 *
 * <p>The dispatcher {@link #claim claims} a batch, hands each notification to a
 * {@link NotificationSender}, and reports the outcome. Claims are safe when several dispatchers (in
 * one process or in several sharing a database) run at once: a notification is claimed by one of
 * them until its lease ends. A message is thus delivered at least once, and more than once only
 * when a delivery is retried or a dispatcher outlived its lease — always under the same
 * {@link Notification#messageId()}, by which a receiver drops duplicates.
 *
 * <p>Each method commits on its own: call them outside a unit of work.
 */
public interface OutboxQueue {

    /**
     * A notification taken for delivery.
     *
     * @param notification the message
     * @param attempt      which delivery attempt this is, 1 for the first; a claim whose lease ended
     *                     unreported counts as an attempt
     */
    record Claimed(Notification notification, int attempt) {
        public Claimed {
            Objects.requireNonNull(notification, "notification");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
            }
        }
    }

    /**
     * Claims up to {@code max} notifications that are due at {@code now}:
     * neither delivered nor rejected, not claimed by another lease still running, and not waiting
     * for a later retry. Each stays claimed until {@code now + lease}; when none of the methods
     * below reports on it by then, it is due again.
     *
     * @return the claimed notifications, oldest enqueued first
     */
    List<Claimed> claim(int max, Instant now, Duration lease);

    /**
     * Claims one notification, as {@link #claim(int, Instant, Duration)} would: only when it is due at {@code now}.
     *
     * @return the claimed notification; empty when it is not due (delivered, rejected, waiting for a retry, or
     *         claimed by another lease still running) or unknown
     */
    Optional<Claimed> claim(UUID messageId, Instant now, Duration lease);

    /** The notification reached its receiver: it is never claimed again. */
    void delivered(UUID messageId, Instant at);

    /**
     * The attempt failed for a reason that may pass: the notification is due again at
     * {@code nextAttemptAt}.
     *
     * @param reason why, for operators; never the destination or the parameters
     */
    void retryLater(UUID messageId, String reason, Instant nextAttemptAt);

    /**
     * The notification cannot be delivered (the receiver refused it, or the attempts ran out): it is
     * never claimed again.
     *
     * @param reason why, for operators; never the destination or the parameters
     */
    void rejected(UUID messageId, String reason, Instant at);

    /**
     * The notification is taken back before it was delivered, as {@link #rejected} does, keeping the reason its last
     * attempt failed for: recorded as {@code reason + ": " + that reason} when there is one, cut to the width the
     * store keeps.
     *
     * @param reason why it was taken back, for operators; never the destination or the parameters
     */
    void withdrawn(UUID messageId, String reason, Instant at);
}
