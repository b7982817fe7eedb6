package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.service.DispatchNotificationsService;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers, each on a {@link Database} of its own over the same data as two server instances would be, drain
 * one outbox at once: every message is delivered, with the message id it was enqueued with, and none twice. The
 * lease outlasts the run, so a second delivery could only come from two claims taking the same row.
 */
class DispatcherConcurrencyTest {

    private static final int MESSAGES = 200;
    private static final DispatchNotificationsService.Settings SETTINGS = new DispatchNotificationsService.Settings(
            7, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(1), 3);

    abstract static class OnDatabase {

        abstract String newUrl();

        @Test
        void twoDispatchersOnOneDatabase_deliverEveryMessageOnce() throws Exception {
            String url = newUrl();
            try (Database first = Database.open(DatabaseSettings.of(url), TestDatabases.PROTECTION);
                 Database second = Database.open(DatabaseSettings.of(url), TestDatabases.PROTECTION)) {
                InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
                List<Notification> enqueued = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    Notification notification = new Notification(UUID.randomUUID(), bank, Channel.SMS, "2125550147",
                            Notification.Kind.OTP_CODE, Map.of("code", String.format("%06d", i)));
                    (i % 2 == 0 ? first : second).notificationOutbox().enqueue(notification);
                    enqueued.add(notification);
                }
                RecordingSender firstSender = new RecordingSender();
                RecordingSender secondSender = new RecordingSender();

                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    CountDownLatch go = new CountDownLatch(1);
                    Future<?> one = threads.submit(() -> drain(first, firstSender, go));
                    Future<?> two = threads.submit(() -> drain(second, secondSender, go));
                    go.countDown();
                    one.get();
                    two.get();
                } finally {
                    threads.shutdownNow();
                }

                assertThat(firstSender.sent).doesNotHaveDuplicates();
                assertThat(secondSender.sent).doesNotHaveDuplicates();
                assertThat(Stream.concat(firstSender.sent.stream(), secondSender.sent.stream()).toList())
                        .containsExactlyInAnyOrderElementsOf(enqueued);
                assertThat(first.notificationOutbox().pending(bank)).isEmpty();
            }
        }

        /** Dispatches until a run finds nothing due: every message is then delivered or claimed by the other. */
        private static Void drain(Database database, NotificationSender sender, CountDownLatch go) throws Exception {
            DispatchNotificationsService dispatcher = new DispatchNotificationsService(database.outboxQueue(), sender,
                    database.unitOfWork(), SETTINGS, Clock.systemUTC());
            go.await();
            while (dispatcher.dispatchOnce().handled() > 0) {
                Thread.onSpinWait();
            }
            return null;
        }
    }

    /** Delivers every message, a little slowly so that the dispatchers interleave, and records them in order. */
    private static final class RecordingSender implements NotificationSender {

        final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Delivery send(Notification notification) {
            sent.add(notification);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Delivery.Delivered();
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        String newUrl() {
            return TestDatabases.newH2Url();
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        String newUrl() {
            return TestDatabases.newPostgresUrl();
        }
    }
}
