package io.contactinfo.adapter.rest;

import java.util.Optional;

/** Reads an {@code Authorization: Bearer <token>} header value (RFC 6750 §2.1). */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token, or empty when the value is not {@code Bearer} followed by a token (scheme case-insensitive). */
    public static Optional<String> from(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(token);
    }
}
