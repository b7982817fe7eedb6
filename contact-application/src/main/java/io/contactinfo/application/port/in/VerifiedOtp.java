package io.contactinfo.application.port.in;

import io.contactinfo.domain.otp.ContactVerificationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A passcode that matched.
 *
 * @param verified              always true: a code that does not match is refused by exception
 * @param contactVerificationId the proof a CONTACT_VERIFICATION challenge yields, for the Users API's
 *                              {@code contactVerificationIdentifiers}; absent for other purposes
 */
public record VerifiedOtp(boolean verified, Optional<ContactVerificationId> contactVerificationId) {

    public VerifiedOtp {
        Objects.requireNonNull(contactVerificationId, "contactVerificationId");
    }
}
