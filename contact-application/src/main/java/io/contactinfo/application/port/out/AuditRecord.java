package io.contactinfo.application.port.out;

import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who changed what, when, and under which correlation id (SPEC §4.7).
 *
 * <p>Values are masked before they get here: an audit record never holds an OTP code, a full
 * SSN, a full phone number or an email address.
 *
 * @param id            the record's own id
 * @param at            when the change committed
 * @param institutionId the tenant
 * @param clientId      the OAuth client that made the change
 * @param subject       the token's subject
 * @param correlationId the request's trace id
 * @param action        what was done, e.g. {@code contact-info.updated}
 * @param target        the user or account changed, when there is one
 * @param changes       each field changed, with masked values
 */
public record AuditRecord(UUID id, Instant at, InstitutionId institutionId, String clientId, String subject,
                          String correlationId, String action, Optional<String> target, List<Change> changes) {

    /** One field's change, with masked values ({@code (***) ***-0147}, {@code j***@example.com}). */
    public record Change(String field, Optional<String> before, Optional<String> after) {

        public Change {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        changes = List.copyOf(changes);
    }
}
