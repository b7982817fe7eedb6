package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.NotificationOutboxContract;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryNotificationOutboxTest extends NotificationOutboxContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected NotificationOutbox notificationOutbox() {
        return ports.outbox();
    }

    @Override
    protected OutboxQueue outboxQueue() {
        return ports.outbox();
    }

    @Override
    protected List<Notification> pendingOf(InstitutionId institutionId) {
        return ports.outbox().pending().stream().filter(n -> n.institution().equals(institutionId)).toList();
    }

    @Override
    protected Optional<String> lastError(UUID messageId) {
        return ports.outbox().lastError(messageId);
    }
}
