package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.NotificationOutboxContract;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

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
