package io.contactinfo.domain.user;

import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The mobile phone a customer proved they hold with a CERTIFY_PHONE passcode (seed 003; SPEC §4.5):
 * which phone, its number then, when, and through which OTP challenge.
 */
public record CertifiedPhone(PhoneId phoneId, PhoneNumber number, Instant certifiedAt, UUID challengeId) {

    public CertifiedPhone {
        Objects.requireNonNull(phoneId, "phoneId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(certifiedAt, "certifiedAt");
        Objects.requireNonNull(challengeId, "challengeId");
    }
}
