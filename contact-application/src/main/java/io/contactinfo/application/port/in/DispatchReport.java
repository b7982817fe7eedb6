package io.contactinfo.application.port.in;

import io.contactinfo.domain.contact.Channel;
import java.util.List;
import java.util.Objects;

/**
 * What one dispatch run did with each notification it claimed, in claim order: for operators' counters (delivered,
 * retried, rejected per channel) without the core knowing any metrics library.
 *
 * @param dispatched one entry per notification handled; empty when none was due
 */
public record DispatchReport(List<Dispatched> dispatched) {

    /** A run that found nothing due. */
    public static final DispatchReport NOTHING_DUE = new DispatchReport(List.of());

    /** What became of one notification in this run. */
    public enum Outcome {
        /** The receiver took it. */
        DELIVERED,
        /** The attempt failed for a reason that may pass: it is due again after a back-off. */
        RETRIED,
        /** The receiver refused it, or its attempts ran out: it is never tried again. */
        REJECTED
    }

    /** One notification's channel and outcome: never its destination or parameters. */
    public record Dispatched(Channel channel, Outcome outcome) {
        public Dispatched {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public DispatchReport {
        dispatched = List.copyOf(dispatched);
    }

    /** How many notifications this run handled; 0 when none was due. */
    public int handled() {
        return dispatched.size();
    }

    /** How many of them had the given outcome, on any channel. */
    public long count(Outcome outcome) {
        return dispatched.stream().filter(d -> d.outcome() == outcome).count();
    }
}
