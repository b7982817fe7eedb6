package io.contactinfo.application.port.in;

import java.util.Optional;

/** The OAuth 2.0 scopes that entitle a caller to use cases (seeds 000, 001). */
public enum Scope {
    INSTITUTION_USERS_READ("institution-users:read"),
    INSTITUTION_USERS_WRITE("institution-users:write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as it appears in a token, e.g. {@code institution-users:read}. */
    public String value() {
        return value;
    }

    /** The scope a token's scope string names, if it is one this service knows. */
    public static Optional<Scope> fromValue(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
