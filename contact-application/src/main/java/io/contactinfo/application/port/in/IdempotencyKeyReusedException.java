package io.contactinfo.application.port.in;

/** The idempotency key of a request was already used, by the same caller's institution, for another request. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("the idempotency key was already used for another request", null, false, false);
    }
}
