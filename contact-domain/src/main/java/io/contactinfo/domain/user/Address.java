package io.contactinfo.domain.user;

import java.time.Instant;
import java.util.Objects;

/** One postal address of a user, with its type and state (seed 002, "addresses"). */
public record Address(AddressType type, PostalAddress postal, boolean isDefault, boolean isVerified,
                      boolean isReturned, Instant lastUpdated) {

    public Address {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(postal, "postal");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }

    Address withDefault(boolean newDefault) {
        return new Address(type, postal, newDefault, isVerified, isReturned, lastUpdated);
    }
}
