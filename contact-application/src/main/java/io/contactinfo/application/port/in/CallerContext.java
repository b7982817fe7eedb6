package io.contactinfo.application.port.in;

import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as their verified token says, and the correlation id of the call.
 *
 * <p>Every use case takes one: the institution scopes every read and write (tenant isolation),
 * the scopes entitle, and the client id, subject and correlation id go into audit records.
 *
 * @param institutionId the tenant the caller acts for
 * @param customerId    the customer the token was issued for, when it was issued for one
 * @param clientId      the OAuth client that obtained the token
 * @param subject       the token's subject
 * @param scopes        the scopes the token grants
 * @param correlationId the caller's trace id for this request
 */
public record CallerContext(InstitutionId institutionId, Optional<InstitutionCustomerId> customerId,
                            String clientId, String subject, Set<Scope> scopes, String correlationId) {

    public CallerContext {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** @throws MissingScopeException when the token does not grant {@code scope} */
    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new MissingScopeException(scope);
        }
    }
}
