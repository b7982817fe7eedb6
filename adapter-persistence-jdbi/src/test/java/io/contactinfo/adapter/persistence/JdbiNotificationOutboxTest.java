package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.NotificationOutboxContract;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The notification outbox on each database. */
class JdbiNotificationOutboxTest {

    abstract static class OnDatabase extends NotificationOutboxContract {

        abstract Database database();

        @Override
        protected NotificationOutbox notificationOutbox() {
            return database().notificationOutbox();
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
            return TestDatabases.h2();
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.postgres();
        }
    }
}
