package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} keeps; extend it once per implementation. */
public abstract class AuditLogContract {

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());

    /** The implementation under test. */
    protected abstract AuditLog auditLog();

    /** The institution's records appended to the implementation under test, oldest first. */
    protected abstract List<AuditRecord> recordsOf(InstitutionId institutionId);

    @Test
    void givenRecords_append_keepsThemInOrderWithAllTheirChanges() {
        AuditRecord first = aRecord(bankA, "contact-info.updated", Optional.of("c-1001"), List.of(
                new AuditRecord.Change("phone", Optional.of("(***) ***-0147"), Optional.of("(***) ***-0148")),
                new AuditRecord.Change("email", Optional.empty(), Optional.of("j***@example.com")),
                new AuditRecord.Change("address", Optional.of("**** E Foothill Blvd"), Optional.empty())));
        AuditRecord second = aRecord(bankA, "otp.sent", Optional.empty(), List.of());
        AuditRecord elsewhere = aRecord(bankB, "otp.sent", Optional.empty(), List.of());

        auditLog().append(first);
        auditLog().append(elsewhere);
        auditLog().append(second);

        assertThat(recordsOf(bankA)).containsExactly(first, second);
        assertThat(recordsOf(bankB)).containsExactly(elsewhere);
    }

    private static AuditRecord aRecord(InstitutionId institutionId, String action, Optional<String> target,
                                       List<AuditRecord.Change> changes) {
        return new AuditRecord(UUID.randomUUID(), Instant.parse("2024-03-01T10:15:30.123456Z"), institutionId,
                "client-1", "subject-1", UUID.randomUUID().toString(), action, target, changes);
    }
}
