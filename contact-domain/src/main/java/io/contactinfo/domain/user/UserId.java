package io.contactinfo.domain.user;

import java.util.Objects;
import java.util.UUID;

/** This service's own id for a user: the {@code userIdentifier} of the Users API. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
