package io.contactinfo.bootstrap;

import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.PurgeExpiredRecordsUseCase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own work between requests: draining the notification outbox every second (counting what became of
 * each message), and purging expired passcodes and idempotency entries every hour. Safe with several instances on
 * one database: the outbox is claimed row by row, and a purge deletes only what has expired.
 */
final class BackgroundJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration DISPATCH_EVERY = Duration.ofSeconds(1);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "background-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param dispatch absent when no notification sender is configured: messages then wait in the outbox
     */
    BackgroundJobs(Optional<DispatchNotificationsUseCase> dispatch, PurgeExpiredRecordsUseCase purge) {
        dispatch.ifPresentOrElse(
                notifications -> every(DISPATCH_EVERY, () -> drain(notifications)),
                () -> LOG.warn("no notification sender is configured: notifications wait in the outbox"));
        every(PURGE_EVERY, purge::purge);
    }

    private static void drain(DispatchNotificationsUseCase notifications) {
        DispatchReport report;
        do {
            report = notifications.dispatchOnce();
        } while (report.handled() > 0); // another batch may be due
    }

    private void every(Duration period, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // The class only: a message could quote personal data. The job runs again next period.
                LOG.error("background job failed: {}", e.getClass().getName());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the running job finish, then stops. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
