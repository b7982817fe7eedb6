package io.contactinfo.domain.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The fixed time domain tests run at: rules take the clock as input, so tests never read the real one. */
public final class TestClock {

    public static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");
    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private TestClock() {
    }
}
