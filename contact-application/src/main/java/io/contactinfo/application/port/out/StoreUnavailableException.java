package io.contactinfo.application.port.out;

/**
 * A store the use case needs (the database) cannot be reached right now; the request may succeed
 * when retried. Adapters translate their own connection failures into it, so the HTTP dialects can
 * answer "service unavailable" (UXU_30001, {@code serverUnavailable}) without knowing the database.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param cause the adapter's own failure, for the server's log; never shown to a caller */
    public StoreUnavailableException(Throwable cause) {
        super("the database cannot be reached", cause);
    }
}
