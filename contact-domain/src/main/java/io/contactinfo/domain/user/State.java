package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.Locale;
import java.util.Set;

/** A two-letter USPS state code: the 50 states, DC, the territories and the military codes (seed 002). */
public record State(String code) {

    private static final Set<String> USPS_CODES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
            "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
            "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
            "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI", "UM", "FM", "MH", "PW", "AA", "AE", "AP");

    /** Accepts either case; keeps the upper-case code. */
    public State {
        code = code == null ? null : code.toUpperCase(Locale.ROOT);
        Require.that(code != null && USPS_CODES.contains(code), AddressRule.STATE_CODE, "state");
    }
}
