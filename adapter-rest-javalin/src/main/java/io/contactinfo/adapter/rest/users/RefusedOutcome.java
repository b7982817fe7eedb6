package io.contactinfo.adapter.rest.users;

/**
 * Carries a refusal that is already an answer (the core's, possibly replayed) to {@link UsersApi#renderError}:
 * a refusal leaves the handler as an exception, so the server treats it as every other error response (a 404
 * written by a handler would otherwise be taken for "no such route").
 */
final class RefusedOutcome extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient IdempotentRequests.Outcome outcome;

    RefusedOutcome(IdempotentRequests.Outcome outcome) {
        super("refused with HTTP " + outcome.status(), null, false, false);
        this.outcome = outcome;
    }

    IdempotentRequests.Outcome outcome() {
        return outcome;
    }
}
