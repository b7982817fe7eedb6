package io.contactinfo.application.port.in;

import java.util.Locale;
import java.util.Objects;

/**
 * What the caller asks to create already exists in the caller's institution: an enrollment with a
 * customer id or a login id another customer has. Says which, never whose.
 */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which identifier is already taken. */
    public enum Identifier {
        CUSTOMER_ID, LOGIN_ID
    }

    private final Identifier identifier;

    public ConflictException(Identifier identifier) {
        super("the " + identifier.name().toLowerCase(Locale.ROOT) + " is already taken in the caller's institution",
                null, false, false);
        this.identifier = Objects.requireNonNull(identifier, "identifier");
    }

    public Identifier identifier() {
        return identifier;
    }
}
