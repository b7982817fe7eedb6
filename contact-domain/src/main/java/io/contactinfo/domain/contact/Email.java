package io.contactinfo.domain.contact;

import java.time.Instant;
import java.util.Objects;

/** A user's one email address; it is always the default (seed 002). */
public record Email(EmailId id, EmailAddress address, boolean isVerified, Instant lastUpdated) {

    public Email {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }
}
