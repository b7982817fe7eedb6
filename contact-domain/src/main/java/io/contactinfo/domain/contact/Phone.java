package io.contactinfo.domain.contact;

import java.time.Instant;
import java.util.Objects;

/** One phone of a user, with its default and verification state. */
public record Phone(PhoneId id, PhoneNumber number, PhoneType type, boolean isDefault, boolean isVerified,
                    Instant lastUpdated) {

    public Phone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }

    Phone asDefault() {
        return withDefault(true);
    }

    Phone withDefault(boolean newDefault) {
        return new Phone(id, number, type, newDefault, isVerified, lastUpdated);
    }
}
