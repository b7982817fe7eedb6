package io.contactinfo.domain.user;

import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.EmailPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an update needs to know besides the request.
 *
 * @param accountStatus the status of the account the user is under: locked and closed refuse updates
 * @param emailPolicy   the server's mode for email addresses (production or sandbox)
 * @param verified      the destinations of the caller's completed, unused contact verifications
 *                      ({@code contactVerificationIdentifiers}, SPEC §4.2)
 * @param now           the time recorded on what changes
 */
public record UpdateContext(AccountStatus accountStatus, EmailPolicy emailPolicy, Set<Destination> verified,
                            Instant now) {

    public UpdateContext {
        Objects.requireNonNull(accountStatus, "accountStatus");
        Objects.requireNonNull(emailPolicy, "emailPolicy");
        verified = Set.copyOf(verified);
        Objects.requireNonNull(now, "now");
    }
}
