package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.contract.NotificationOutboxContract;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The notification outbox on each database, a database of its own: claims take every institution's messages. */
class JdbiNotificationOutboxTest {

    private static final List<Database> OPENED = new ArrayList<>();
    private static Database h2;
    private static Database postgres;

    @AfterAll
    static void close() {
        OPENED.forEach(Database::close);
    }

    private static synchronized Database open(Supplier<String> newUrl) {
        Database database = Database.open(DatabaseSettings.of(newUrl.get()), TestDatabases.PROTECTION);
        OPENED.add(database);
        return database;
    }

    abstract static class OnDatabase extends NotificationOutboxContract {

        abstract Database database();

        @Override
        protected NotificationOutbox notificationOutbox() {
            return database().notificationOutbox();
        }

        @Override
        protected OutboxQueue outboxQueue() {
            return database().outboxQueue();
        }

        @Override
        protected List<Notification> pendingOf(InstitutionId institutionId) {
            return database().notificationOutbox().pending(institutionId);
        }

        @Override
        protected Optional<String> lastError(UUID messageId) {
            return database().notificationOutbox().lastError(messageId);
        }

        @Test
        void withdrawn_cutsTheReasonAndTheAttemptsReasonToTheWidthOfLastError() {
            Instant now = Instant.parse("2024-03-01T10:15:30Z");
            Notification notification = new Notification(UUID.randomUUID(), new InstitutionId("bank-long-reasons"),
                    Channel.SMS, "2125550147", Notification.Kind.OTP_CODE, Map.of("code", "123456"));
            notificationOutbox().enqueue(notification);
            outboxQueue().claim(notification.messageId(), now, Duration.ofMinutes(5));
            outboxQueue().retryLater(notification.messageId(), "x".repeat(300), now.plusSeconds(30));

            outboxQueue().withdrawn(notification.messageId(), "withdrawn", now);

            assertThat(lastError(notification.messageId())).hasValueSatisfying(error -> assertThat(error)
                    .hasSize(255).startsWith("withdrawn: xxx").endsWith("xxx"));
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        Database database() {
            synchronized (JdbiNotificationOutboxTest.class) {
                if (h2 == null) {
                    h2 = open(TestDatabases::newH2Url);
                }
                return h2;
            }
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        Database database() {
            synchronized (JdbiNotificationOutboxTest.class) {
                if (postgres == null) {
                    postgres = open(TestDatabases::newPostgresUrl);
                }
                return postgres;
            }
        }
    }
}
