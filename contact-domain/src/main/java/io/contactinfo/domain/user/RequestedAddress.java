package io.contactinfo.domain.user;

import java.util.Objects;

/** An address as an update asks for it: type, lines, and whether it is the default. */
public record RequestedAddress(AddressType type, PostalAddress postal, boolean isDefault) {

    public RequestedAddress {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(postal, "postal");
    }
}
