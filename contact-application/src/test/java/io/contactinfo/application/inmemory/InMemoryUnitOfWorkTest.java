package io.contactinfo.application.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryUnitOfWorkTest {

    private static final InstitutionId BANK = new InstitutionId("bank-a");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(users, audit, outbox);

    @Test
    void whenTheWorkCompletes_everythingItWroteIsKept() {
        unitOfWork.transactionally(this::writeToEveryStore);

        assertThat(users.hasUsers(BANK)).isTrue();
        assertThat(audit.records()).hasSize(1);
        assertThat(outbox.pending()).hasSize(1);
    }

    @Test
    void whenTheWorkFailsHalfway_nothingItWroteIsKept() {
        assertThatThrownBy(() -> unitOfWork.transactionally(() -> {
            writeToEveryStore();
            throw new IllegalStateException("failure in the middle of a use case");
        })).hasMessage("failure in the middle of a use case");

        assertThat(users.hasUsers(BANK)).isFalse();
        assertThat(audit.records()).isEmpty();
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void aNestedUnitOfWorkJoinsTheEnclosingOne() {
        assertThatThrownBy(() -> unitOfWork.transactionally(() -> {
            unitOfWork.transactionally(this::writeToEveryStore);
            throw new IllegalStateException("the outer work fails after the inner one completed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(users.hasUsers(BANK)).isFalse();
        assertThat(audit.records()).isEmpty();
    }

    private void writeToEveryStore() {
        users.add(User.create(UserId.random(), BANK, new InstitutionCustomerId("c-1"), List.of(), Optional.empty()));
        audit.append(new AuditRecord(UUID.randomUUID(), Instant.EPOCH, BANK, "client", "subject",
                "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41", "user.created", Optional.of("c-1"), List.of()));
        outbox.enqueue(new Notification(UUID.randomUUID(), BANK, Channel.EMAIL, "jane@example.com",
                Notification.Kind.CONTACT_CHANGED, Map.of("changed", "email")));
    }
}
