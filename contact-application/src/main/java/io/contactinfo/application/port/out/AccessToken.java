package io.contactinfo.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a bearer token whose signature, algorithm and validity period were verified.
 *
 * <p>Claims are raw strings: which of them a request needs, and what their absence means, is
 * the HTTP dialect's business (UXU_10004 and UXU_10010 in the Contact Info API).
 *
 * @param institutionId the institution claim, if present
 * @param customerId    the institution customer claim, if present
 * @param clientId      the client id claim, if present
 * @param subject       the {@code sub} claim, if present
 * @param scopes        the scopes granted, from {@code scope} (space-separated) or {@code scp} (array)
 * @param expiresAt     the {@code exp} claim
 */
public record AccessToken(Optional<String> institutionId, Optional<String> customerId, Optional<String> clientId,
                          Optional<String> subject, Set<String> scopes, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
