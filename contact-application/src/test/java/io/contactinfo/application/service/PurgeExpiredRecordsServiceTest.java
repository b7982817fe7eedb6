package io.contactinfo.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.PurgeExpiredRecordsUseCase.PurgedRecords;
import io.contactinfo.application.port.out.IdempotencyStore.Entry;
import io.contactinfo.application.service.PurgeExpiredRecordsService.Retention;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurgeExpiredRecordsServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    private static final InstitutionId BANK = new InstitutionId("bank-a");
    private static final Duration DAY = Duration.ofHours(24);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final PurgeExpiredRecordsService purge = new PurgeExpiredRecordsService(ports.otps(),
            ports.idempotency(), Retention.DEFAULTS, new AdjustableClock(NOW));

    @Test
    void givenRecordsOlderAndYoungerThanTheirRetention_purge_deletesOnlyTheOlder() {
        ContactVerification old = verificationExpiringAt(NOW.minus(DAY).minusNanos(1));
        ContactVerification recent = verificationExpiringAt(NOW.minus(DAY));
        ports.otps().add(BANK, old);
        ports.otps().add(BANK, recent);
        Entry oldEntry = new Entry(BANK, UUID.randomUUID(), "f", "o", NOW.minus(DAY).minusNanos(1));
        Entry recentEntry = new Entry(BANK, UUID.randomUUID(), "f", "o", NOW.minus(DAY));
        ports.idempotency().add(oldEntry);
        ports.idempotency().add(recentEntry);

        assertThat(purge.purge()).isEqualTo(new PurgedRecords(1, 1));

        assertThat(ports.otps().find(BANK, old.id())).isEmpty();
        assertThat(ports.otps().find(BANK, recent.id())).contains(recent);
        assertThat(ports.idempotency().find(BANK, oldEntry.key())).isEmpty();
        assertThat(ports.idempotency().find(BANK, recentEntry.key())).contains(recentEntry);
    }

    @Test
    void givenAnOtpRetentionShorterThanTheHourlySendCap_retention_isRefused() {
        assertThatThrownBy(() -> new Retention(Duration.ofMinutes(59), DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retention(DAY, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ContactVerification verificationExpiringAt(Instant expiresAt) {
        return new ContactVerification(ContactVerificationId.random(), UserId.random(), new PhoneNumber("2125550147"),
                expiresAt.minus(Duration.ofMinutes(30)), expiresAt, false);
    }
}
