package io.contactinfo.adapter.rest.users;

import io.javalin.http.HttpStatus;

/**
 * The Users API's answers that are not about a domain rule: success, the request's shape, the token, what was
 * not found, conflicts, and the server's own failures. Seed 002 defines only success ({@code 0/0}); every other
 * row here is this project's, documented in the README. Rule refusals are in {@link UsersErrors}.
 */
enum UsersError {
    SUCCESS(HttpStatus.OK, 0, 0, "Success"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, 400, 100, "The request cannot be read"),
    INVALID_REQUEST_ID(HttpStatus.BAD_REQUEST, 400, 101, "Required X-GD-RequestID header is missing or not a UUID"),
    USER_DATA_TWICE(HttpStatus.BAD_REQUEST, 400, 102, "Send either userData or encryptedUserData, not both"),
    PLAIN_USER_DATA_NOT_ALLOWED(HttpStatus.BAD_REQUEST, 400, 103,
            "Plain userData is not accepted by this server: send encryptedUserData"),
    ENCRYPTION_VERSION_UNSUPPORTED(HttpStatus.BAD_REQUEST, 400, 105,
            "encryptedUserData.version is missing or not one of EC_v1, EC_v2"),
    ENCRYPTION_KEY_UNKNOWN(HttpStatus.BAD_REQUEST, 400, 106,
            "encryptedUserData.publicKeyHash names no key this server decrypts with"),
    EPHEMERAL_KEY_INVALID(HttpStatus.BAD_REQUEST, 400, 107,
            "encryptedUserData.ephemeralPublicKey is not a P-256 public key on the curve"),
    USER_DATA_UNDECRYPTABLE(HttpStatus.BAD_REQUEST, 400, 108,
            "encryptedUserData cannot be decrypted: altered, or (EC_v1) encrypted for another program or "
                    + "X-GD-RequestID"),
    CONTACT_VERIFICATION_INVALID(HttpStatus.BAD_REQUEST, 400, 540,
            "A contact verification identifier is unknown, already used or expired"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, 401, 0, "Missing, malformed, invalid or expired bearer token"),
    MISSING_SCOPE(HttpStatus.FORBIDDEN, 403, 0, "The token does not grant the scope this operation requires"),
    NOT_FOUND(HttpStatus.NOT_FOUND, 404, 0, "Not found"),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, 404, 1, "Account not found"),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, 404, 2, "User not found"),
    CUSTOMER_ID_TAKEN(HttpStatus.CONFLICT, 409, 1, "The institutionCustomerId is already enrolled"),
    LOGIN_ID_TAKEN(HttpStatus.CONFLICT, 409, 2, "The loginId is already taken"),
    REQUEST_ID_REUSED(HttpStatus.CONFLICT, 409, 3,
            "This X-GD-RequestID was already used for a different request"),
    INVALID_COMMAND(HttpStatus.BAD_REQUEST, 400, 104, "The request asks for something this operation does not do"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 500, 0, "Internal server error"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 503, 0, "Service unavailable, retry later");

    private final HttpStatus status;
    private final int code;
    private final int subCode;
    private final String description;

    UsersError(HttpStatus status, int code, int subCode, String description) {
        this.status = status;
        this.code = code;
        this.subCode = subCode;
        this.description = description;
    }

    UsersErrors.Refusal refusal() {
        return new UsersErrors.Refusal(status.getCode(), code, subCode, description);
    }

    UsersErrors.Row row() {
        return new UsersErrors.Row(status.getCode(), code, subCode, description);
    }
}
