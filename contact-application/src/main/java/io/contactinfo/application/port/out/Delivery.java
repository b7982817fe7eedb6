package io.contactinfo.application.port.out;

import java.util.Objects;

/**
 * What became of one attempt to deliver a notification. A reason is for operators: it never
 * contains the destination or the parameters, which would put them in logs.
 */
public sealed interface Delivery {

    /** The receiver took the message. */
    record Delivered() implements Delivery {
    }

    /** The attempt failed for a reason that may pass (timeout, gateway down, throttled). */
    record RetryLater(String reason) implements Delivery {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The receiver refused the message for good (invalid number, unknown mailbox); never retried. */
    record Rejected(String reason) implements Delivery {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
