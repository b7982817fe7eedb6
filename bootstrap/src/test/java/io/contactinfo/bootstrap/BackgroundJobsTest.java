package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.DispatchReport.Dispatched;
import io.contactinfo.application.port.in.DispatchReport.Outcome;
import io.contactinfo.application.port.in.PurgeExpiredRecordsUseCase;
import io.contactinfo.domain.contact.Channel;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    private static final PurgeExpiredRecordsUseCase NO_PURGE = () -> {
        throw new AssertionError("the purge runs hourly, not within this test");
    };

    private static final DispatchReport FULL_BATCH = new DispatchReport(
            Collections.nCopies(50, new Dispatched(Channel.SMS, Outcome.DELIVERED)));

    @Test
    void theOutboxIsDrainedBatchAfterBatchAndAFailureDoesNotStopTheJob() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch drainedAfterFailure = new CountDownLatch(1);
        DispatchNotificationsUseCase dispatch = () -> switch (calls.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("the database blinked");
            case 2, 3 -> FULL_BATCH;  // two full batches, so the job asks again at once
            default -> {
                drainedAfterFailure.countDown();
                yield DispatchReport.NOTHING_DUE;
            }
        };

        try (var jobs = new BackgroundJobs(Optional.of(dispatch), NO_PURGE)) {
            assertThat(drainedAfterFailure.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(4);
    }
}
