package io.contactinfo.adapter.rest.contactinfo;

/** Ends a Contact Info API request with one of seed 000's errors. */
final class UxuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UxuError error;

    UxuException(UxuError error) {
        super(error.code(), null, false, false);
        this.error = error;
    }

    UxuError error() {
        return error;
    }
}
