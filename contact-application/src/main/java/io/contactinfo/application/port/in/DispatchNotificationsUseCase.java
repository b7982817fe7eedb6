package io.contactinfo.application.port.in;

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
}
