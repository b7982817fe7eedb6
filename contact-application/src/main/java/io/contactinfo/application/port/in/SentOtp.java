package io.contactinfo.application.port.in;

import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.otp.OtpChallengeId;
import java.time.Instant;
import java.util.Objects;

/**
 * A passcode on its way: what the caller may see of it, never the code.
 *
 * @param otpId             the challenge to verify the code against
 * @param contactMethodId   where it went
 * @param channel           SMS, VOICE or EMAIL
 * @param maskedDestination the destination, masked ({@code (***) ***-1234}, {@code j***@example.com})
 * @param expiresAt         when the code stops being accepted
 */
public record SentOtp(OtpChallengeId otpId, ContactMethodId contactMethodId, Channel channel,
                      String maskedDestination, Instant expiresAt) {

    public SentOtp {
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(contactMethodId, "contactMethodId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(maskedDestination, "maskedDestination");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
