package io.contactinfo.application.service;

import java.time.Duration;

/** What the services' settings check of a duration. */
final class Durations {

    private Durations() {
    }

    /** Longer than zero ({@code Duration.isPositive()} came with Java 18; this project targets 17). */
    static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
