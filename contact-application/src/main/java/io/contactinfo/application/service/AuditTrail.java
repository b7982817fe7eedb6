package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.contact.Destination;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the audit record of a change (SPEC §4.7) from the caller's context: who (client id and
 * subject), when, under which correlation id, what. Call it inside the change's unit of work.
 */
final class AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    AuditTrail(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void record(CallerContext caller, String action, String target, List<AuditRecord.Change> changes) {
        log.append(new AuditRecord(UUID.randomUUID(), clock.instant(), caller.institutionId(), caller.clientId(),
                caller.subject(), caller.correlationId(), action, Optional.of(target), changes));
    }

    /** A destination's change, masked on both sides: audit records never hold a full phone or email. */
    static AuditRecord.Change change(String field, Optional<? extends Destination> before,
                                     Optional<? extends Destination> after) {
        return new AuditRecord.Change(field, before.map(Destination::masked), after.map(Destination::masked));
    }

    /** A change of a value that is not personal data (a status, a preference), as it is. */
    static AuditRecord.Change change(String field, Optional<String> before, String after) {
        return new AuditRecord.Change(field, before, Optional.of(after));
    }
}
