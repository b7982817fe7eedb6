package io.contactinfo.bootstrap.bulk;

import java.util.Objects;

/** A row of a file that cannot be read as an enrollment before any rule sees it. Names where, never a value. */
final class MalformedRowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the column or part of the row, e.g. {@code row} when its cells do not match the header */
    MalformedRowException(String field) {
        super("malformed " + Objects.requireNonNull(field, "field"), null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
