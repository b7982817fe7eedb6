package io.contactinfo.domain.contact;

import java.util.Objects;

/** A phone as an update asks for it (seed 002, "phoneNumbers"): number, type and whether it is the default. */
public record RequestedPhone(PhoneNumber number, PhoneType type, boolean isDefault) {

    public RequestedPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
    }
}
