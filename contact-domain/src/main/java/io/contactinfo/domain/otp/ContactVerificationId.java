package io.contactinfo.domain.otp;

import java.util.Objects;
import java.util.UUID;

/** The proof of a completed contact verification: a {@code contactVerificationIdentifiers} entry of the Users API. */
public record ContactVerificationId(UUID value) {

    public ContactVerificationId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactVerificationId random() {
        return new ContactVerificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
