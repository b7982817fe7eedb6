package io.contactinfo.application.port.out;

import java.util.Objects;

/** A bearer token was refused. The reason is for the caller's error code; the token itself is never kept. */
public final class AccessTokenRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** Not a compact JWS, or its header or claims cannot be parsed. */
        MALFORMED,
        /** An algorithm outside the allow-list, an unknown key, or a signature that does not verify. */
        UNTRUSTED,
        /** {@code exp} is missing. */
        NO_EXPIRY,
        /** {@code exp} has passed (beyond the allowed clock skew). */
        EXPIRED,
        /** {@code nbf} is still ahead (beyond the allowed clock skew). */
        NOT_YET_VALID,
        /** {@code iss} is not the configured issuer. */
        WRONG_ISSUER,
        /** {@code aud} does not contain the configured audience. */
        WRONG_AUDIENCE
    }

    private final Reason reason;

    public AccessTokenRejectedException(Reason reason) {
        super("bearer token rejected: " + reason, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
