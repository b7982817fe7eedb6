package io.contactinfo.domain.contact;

import java.util.Objects;
import java.util.UUID;

/** The internal, never-published id of a user's email record. */
public record EmailId(UUID value) {

    public EmailId {
        Objects.requireNonNull(value, "value");
    }

    public static EmailId random() {
        return new EmailId(UUID.randomUUID());
    }
}
