package io.contactinfo.adapter.rest.security;

import java.util.Optional;

/** Ends a Security API request with one of seed 003's errors, naming the header or field at fault if any. */
final class SecurityApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SecurityError error;
    private final String location;

    SecurityApiException(SecurityError error) {
        this(error, null);
    }

    SecurityApiException(SecurityError error, String location) {
        super(error.code() + (location == null ? "" : " at " + location), null, false, false);
        this.error = error;
        this.location = location;
    }

    /** A 400 {@code invalidRequest} whose {@code location} names the header or field. */
    static SecurityApiException invalid(String location) {
        return new SecurityApiException(SecurityError.INVALID_REQUEST, location);
    }

    SecurityError error() {
        return error;
    }

    Optional<String> location() {
        return Optional.ofNullable(location);
    }
}
