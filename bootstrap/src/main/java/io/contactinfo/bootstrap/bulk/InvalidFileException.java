package io.contactinfo.bootstrap.bulk;

/** The file as a whole cannot be loaded (a CSV header it cannot read); no row was loaded. */
public final class InvalidFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidFileException(String message) {
        super(message, null, false, false);
    }
}
