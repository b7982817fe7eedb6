package io.contactinfo.domain.otp;

import java.util.Objects;
import java.util.UUID;

/** A passcode challenge's id: the {@code otpId} of the Contact Info API. */
public record OtpChallengeId(UUID value) {

    public OtpChallengeId {
        Objects.requireNonNull(value, "value");
    }

    public static OtpChallengeId random() {
        return new OtpChallengeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
