package io.contactinfo.application.port.in;

import java.util.Objects;

/**
 * A command asks for something no use case does, whatever the data: e.g. an email changed together
 * with a phone (seed 001: "either the email address or phone number and postal address at one time").
 *
 * <p>Names the field and the reason, never a value: values may be personal data and this may reach a log.
 */
public final class InvalidCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidCommandException(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"),
                null, false, false);
        this.field = field;
    }

    /** The field of the request the refusal concerns, as the source documents spell it. */
    public String field() {
        return field;
    }
}
