package io.contactinfo.application.service;

import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.DispatchReport.Dispatched;
import io.contactinfo.application.port.in.DispatchReport.Outcome;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.application.port.out.OutboxQueue.Claimed;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.port.out.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims due notifications from the outbox and delivers them through the sender. A failed attempt is
 * retried after an exponential back-off, {@code min(baseDelay * 2^(attempt - 1), maxDelay)}, until
 * {@code maxAttempts} attempts failed; then the notification is rejected, like one the receiver refused.
 */
public final class DispatchNotificationsService implements DispatchNotificationsUseCase {

    /**
     * @param batchSize   how many notifications one run claims, at least 1
     * @param lease       how long a claim lasts; longer than a batch takes to send, or a slow batch is sent twice
     * @param baseDelay   the wait after the first failed attempt, positive
     * @param maxDelay    the longest wait between attempts, at least {@code baseDelay}
     * @param maxAttempts how many attempts a notification gets before it is rejected, at least 1
     */
    public record Settings(int batchSize, Duration lease, Duration baseDelay, Duration maxDelay, int maxAttempts) {

        /** 50 a batch, 5-minute leases, retries after 30 s, 1 min, 2 min, ... at most 1 h apart, 10 attempts. */
        public static final Settings DEFAULTS = new Settings(50, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofHours(1), 10);

        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            require(batchSize >= 1, "batchSize must be at least 1");
            require(Durations.positive(lease), "lease must be positive");
            require(Durations.positive(baseDelay), "baseDelay must be positive");
            require(maxDelay.compareTo(baseDelay) >= 0, "maxDelay must be at least baseDelay");
            require(maxAttempts >= 1, "maxAttempts must be at least 1");
        }

        /** The wait after attempt number {@code attempt} failed. */
        Duration backOff(int attempt) {
            Duration delay = baseDelay;
            for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private final OutboxQueue outbox;
    private final NotificationSender sender;
    private final UnitOfWork unitOfWork;
    private final Settings settings;
    private final Clock clock;

    public DispatchNotificationsService(OutboxQueue outbox, NotificationSender sender, UnitOfWork unitOfWork,
                                        Settings settings, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the batch, then records every outcome in one transaction: a commit each made the dispatcher cost as much
     * as the request that queued the notification, and under sustained writes it fell behind. A crash before the
     * outcomes commit sends the batch again once its lease ends, as it did the one notification being recorded.
     */
    @Override
    public DispatchReport dispatchOnce() {
        List<Claimed> batch = outbox.claim(settings.batchSize(), clock.instant(), settings.lease());
        if (batch.isEmpty()) {
            // The idle server's poll, every second: no transaction to open for nothing.
            return DispatchReport.NOTHING_DUE;
        }
        List<Delivery> deliveries = new ArrayList<>(batch.size());
        for (Claimed claimed : batch) {
            deliveries.add(attempt(claimed));
        }
        return unitOfWork.transactionally(() -> {
            List<Dispatched> dispatched = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Claimed claimed = batch.get(i);
                dispatched.add(new Dispatched(claimed.notification().channel(), record(claimed, deliveries.get(i))));
            }
            return new DispatchReport(dispatched);
        });
    }

    @Override
    public Optional<Dispatched> dispatchNow(UUID messageId) {
        return outbox.claim(messageId, clock.instant(), settings.lease())
                .map(claimed -> new Dispatched(claimed.notification().channel(), record(claimed, attempt(claimed))));
    }

    @Override
    public void withdraw(UUID messageId) {
        // Rejected, as a message the provider refused: only a pending one; never claimed again. The provider's
        // reason for not taking it at once stays beside it.
        outbox.withdrawn(messageId, "withdrawn: the operation that sent it failed without it", clock.instant());
    }

    private Delivery attempt(Claimed claimed) {
        try {
            return Objects.requireNonNull(sender.send(claimed.notification()), "delivery");
        } catch (RuntimeException e) {
            // The exception's class only: its message may quote the destination.
            return new Delivery.RetryLater("sender failed: " + e.getClass().getName());
        }
    }

    /** Records the attempt's outcome on the outbox row, and says which it was. */
    private Outcome record(Claimed claimed, Delivery delivery) {
        var messageId = claimed.notification().messageId();
        Instant now = clock.instant();
        if (delivery instanceof Delivery.Delivered) {
            outbox.delivered(messageId, now);
            return Outcome.DELIVERED;
        }
        if (delivery instanceof Delivery.Rejected rejected) {
            outbox.rejected(messageId, rejected.reason(), now);
            return Outcome.REJECTED;
        }
        String reason = ((Delivery.RetryLater) delivery).reason();
        if (claimed.attempt() >= settings.maxAttempts()) {
            outbox.rejected(messageId, "gave up after " + claimed.attempt() + " attempts: " + reason, now);
            return Outcome.REJECTED;
        }
        outbox.retryLater(messageId, reason, now.plus(settings.backOff(claimed.attempt())));
        return Outcome.RETRIED;
    }
}
