package io.contactinfo.domain.contact;

import java.util.Objects;
import java.util.UUID;

/** The internal, never-published id of one phone record of a user. */
public record PhoneId(UUID value) {

    public PhoneId {
        Objects.requireNonNull(value, "value");
    }

    public static PhoneId random() {
        return new PhoneId(UUID.randomUUID());
    }
}
