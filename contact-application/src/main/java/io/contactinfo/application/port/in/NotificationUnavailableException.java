package io.contactinfo.application.port.in;

/**
 * A message an operation cannot complete without — a passcode the customer waits for — could not be handed to its
 * provider now (the provider is down, times out, or refused it). What the operation stored is kept, and so is the
 * message: the dispatcher retries it. Says nothing about the destination.
 */
public final class NotificationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotificationUnavailableException() {
        super("the notification provider could not take the message now", null, false, false);
    }
}
