package io.contactinfo.adapter.notification;

/**
 * A notification no attempt could ever deliver: its passcode expired, or its template needs a parameter it lacks.
 * The message is the reason a sender reports; it never holds a destination or a parameter's value.
 */
final class UndeliverableMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UndeliverableMessageException(String reason) {
        super(reason, null, false, false);
    }
}
