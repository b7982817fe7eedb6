package io.contactinfo.application.port.in;

import java.util.Optional;
import java.util.UUID;

/**
 * Delivers the notifications waiting in the outbox (SPEC §4.5: "delivery is retried"). Run it
 * repeatedly, from one or several instances at once: each run claims its own batch.
 */
public interface DispatchNotificationsUseCase {

    /**
     * Claims one batch of due notifications, tries to deliver each, and records what became of it:
     * delivered, due again after a back-off, or rejected for good.
     *
     * @return what became of each notification this run handled; none when none was due
     */
    DispatchReport dispatchOnce();

    /**
     * Delivers one notification at once, for an operation that cannot complete without it (a passcode the customer
     * waits for), and records what became of it as {@link #dispatchOnce()} does: a failed attempt is retried later,
     * so the message is never lost.
     *
     * @return its channel and what became of it; empty when it was not due (another dispatcher holds it, or it is done) or when no
     *         sender is configured: it then waits in the outbox
     */
    Optional<DispatchReport.Dispatched> dispatchNow(UUID messageId);

    /**
     * Takes back a notification not yet delivered, which is then never delivered: one whose operation failed
     * without it (a passcode the provider did not take at once, answered 30002 and withdrawn). Does nothing to one
     * already delivered or rejected.
     */
    void withdraw(UUID messageId);

    /** No sender: every notification waits in the outbox, and nothing is ever dispatched. */
    DispatchNotificationsUseCase NONE = new DispatchNotificationsUseCase() {
        @Override
        public DispatchReport dispatchOnce() {
            return DispatchReport.NOTHING_DUE;
        }

        @Override
        public Optional<DispatchReport.Dispatched> dispatchNow(UUID messageId) {
            return Optional.empty();
        }

        @Override
        public void withdraw(UUID messageId) {
            // never called: dispatchNow dispatches nothing, so no operation fails for want of a delivery
        }
    };
}
