package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OutboxQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.UUID;

/** A {@link NotificationOutbox} and its {@link OutboxQueue} in a map in enqueue order, readable by tests. */
public final class InMemoryNotificationOutbox implements NotificationOutbox, OutboxQueue, InMemoryUnitOfWork.Transactional {

    /** Where a notification stands; {@code dueAt} empty means due at once. */
    private record Row(Notification notification, int attempts, Optional<Instant> dueAt, boolean done,
                       Optional<String> lastError) {

        boolean isDue(Instant now) {
            return !done && dueAt.map(at -> !at.isAfter(now)).orElse(true);
        }
    }

    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(Notification notification) {
        if (rows.putIfAbsent(notification.messageId(),
                new Row(notification, 0, Optional.empty(), false, Optional.empty())) != null) {
            throw new IllegalStateException("notification already enqueued");
        }
    }

    /** Every notification enqueued, not rolled back, and neither delivered nor rejected, oldest first. */
    public synchronized List<Notification> pending() {
        return rows.values().stream().filter(row -> !row.done()).map(Row::notification).toList();
    }

    /** Why the last attempt to deliver the notification failed, if one did. */
    public synchronized Optional<String> lastError(UUID messageId) {
        return Optional.ofNullable(rows.get(messageId)).flatMap(Row::lastError);
    }

    @Override
    public synchronized List<Claimed> claim(int max, Instant now, Duration lease) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row row : List.copyOf(rows.values())) {
            if (claimed.size() == max) {
                break;
            }
            if (row.isDue(now)) {
                claimed.add(take(row, now, lease));
            }
        }
        return claimed;
    }

    @Override
    public synchronized Optional<Claimed> claim(UUID messageId, Instant now, Duration lease) {
        return Optional.ofNullable(rows.get(messageId)).filter(row -> row.isDue(now)).map(row -> take(row, now, lease));
    }

    private Claimed take(Row row, Instant now, Duration lease) {
        Row taken = new Row(row.notification(), row.attempts() + 1, Optional.of(now.plus(lease)), false,
                row.lastError());
        rows.put(row.notification().messageId(), taken);
        return new Claimed(taken.notification(), taken.attempts());
    }

    @Override
    public synchronized void delivered(UUID messageId, Instant at) {
        change(messageId, row -> new Row(row.notification(), row.attempts(), Optional.empty(), true,
                row.lastError()));
    }

    @Override
    public synchronized void retryLater(UUID messageId, String reason, Instant nextAttemptAt) {
        change(messageId, row -> new Row(row.notification(), row.attempts(), Optional.of(nextAttemptAt), false,
                Optional.of(reason)));
    }

    @Override
    public synchronized void rejected(UUID messageId, String reason, Instant at) {
        change(messageId, row -> new Row(row.notification(), row.attempts(), Optional.empty(), true,
                Optional.of(reason)));
    }

    @Override
    public synchronized void withdrawn(UUID messageId, String reason, Instant at) {
        change(messageId, row -> new Row(row.notification(), row.attempts(), Optional.empty(), true,
                Optional.of(row.lastError().map(last -> reason + ": " + last).orElse(reason))));
    }

    /** Changes a notification still pending; one already delivered or rejected stays so. */
    private void change(UUID messageId, UnaryOperator<Row> change) {
        Row row = rows.get(messageId);
        if (row != null && !row.done()) {
            rows.put(messageId, change.apply(row));
        }
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows.clear();
        rows.putAll((Map<UUID, Row>) snapshot);
    }
}
