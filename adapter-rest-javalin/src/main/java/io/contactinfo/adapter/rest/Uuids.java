package io.contactinfo.adapter.rest;

import java.util.Optional;
import java.util.UUID;

/** UUIDs as every dialect reads them (ids, {@code correlationId}, {@code uuid}): only the canonical 8-4-4-4-12 form. */
public final class Uuids {

    private Uuids() {
    }

    /** The UUID, or empty when {@code value} is missing or not canonical ({@code UUID.fromString} takes "1-1-1-1-1"). */
    public static Optional<UUID> parse(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(value);
            return uuid.toString().equalsIgnoreCase(value) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
