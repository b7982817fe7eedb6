package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.DispatchReport.Dispatched;
import io.contactinfo.application.port.in.DispatchReport.Outcome;
import io.contactinfo.application.port.in.PurgeExpiredRecordsUseCase;
import io.contactinfo.domain.contact.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    private static final PurgeExpiredRecordsUseCase NO_PURGE = () -> {
        throw new AssertionError("the purge runs hourly, not within this test");
    };

    private static final DispatchReport FULL_BATCH = new DispatchReport(
            Collections.nCopies(50, new Dispatched(Channel.SMS, Outcome.DELIVERED)));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theOutboxIsDrainedBatchAfterBatchAndAFailureDoesNotStopTheJob() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch drainedAfterFailure = new CountDownLatch(1);
        DispatchNotificationsUseCase dispatch = runs(() -> switch (calls.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("the database blinked");
            case 2, 3 -> FULL_BATCH;  // two full batches, so the job asks again at once
            default -> {
                drainedAfterFailure.countDown();
                yield DispatchReport.NOTHING_DUE;
            }
        });

        try (var jobs = new BackgroundJobs(Optional.of(dispatch), NO_PURGE)) {
            assertThat(drainedAfterFailure.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void whatEachRunDid_isCountedByChannelAndOutcome() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        DispatchNotificationsUseCase dispatch = runs(() -> {
            if (calls.incrementAndGet() > 1) {
                reported.countDown();
                return DispatchReport.NOTHING_DUE;
            }
            return new DispatchReport(List.of(new Dispatched(Channel.SMS, Outcome.DELIVERED),
                    new Dispatched(Channel.SMS, Outcome.DELIVERED), new Dispatched(Channel.EMAIL, Outcome.RETRIED),
                    new Dispatched(Channel.VOICE, Outcome.REJECTED)));
        });

        try (var jobs = new BackgroundJobs(Optional.of(new NotificationMetrics(registry).counting(dispatch)),
                NO_PURGE)) {
            assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(count(Channel.SMS, "delivered")).isEqualTo(2);
        assertThat(count(Channel.EMAIL, "retried")).isEqualTo(1);
        assertThat(count(Channel.VOICE, "rejected")).isEqualTo(1);
        // Every series exists from the start, at zero.
        assertThat(registry.find(NotificationMetrics.NAME).counters()).hasSize(9);
        assertThat(count(Channel.EMAIL, "delivered")).isZero();
    }

    private double count(Channel channel, String outcome) {
        return registry.get(NotificationMetrics.NAME).tag("channel", channel.name()).tag("outcome", outcome)
                .counter().count();
    }

    /** A dispatcher whose runs {@code run} answers; it never delivers one notification at once. */
    private static DispatchNotificationsUseCase runs(Supplier<DispatchReport> run) {
        return new DispatchNotificationsUseCase() {
            @Override
            public DispatchReport dispatchOnce() {
                return run.get();
            }

            @Override
            public Optional<Dispatched> dispatchNow(UUID messageId) {
                return Optional.empty();
            }

            @Override
            public void withdraw(UUID messageId) {
                // never dispatched here
            }
        };
    }
}
