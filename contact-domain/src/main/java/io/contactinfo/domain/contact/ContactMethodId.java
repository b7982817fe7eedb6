package io.contactinfo.domain.contact;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The opaque id of a contact method.
 *
 * <p>Derived, not stored: a name-based UUID of the destination's internal record id (random,
 * never published), the channel and the destination itself. So it stays the same while the
 * destination does, reveals nothing about the number or address, and changes when the number
 * or address changes — an id listed before a change cannot send a passcode to the new destination.
 */
public record ContactMethodId(UUID value) {

    public ContactMethodId {
        Objects.requireNonNull(value, "value");
    }

    static ContactMethodId derive(UUID recordId, Channel channel, String destination) {
        String name = recordId + "|" + channel + "|" + destination;
        return new ContactMethodId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
