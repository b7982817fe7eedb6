package io.contactinfo.domain.institution;

import io.contactinfo.domain.rule.Require;

/**
 * How many accounts of one institution may share an SSN or a phone number (SPEC §4.3; seed 002,
 * "Active Consumer Account Limits"). One institution is one program: limits count per institution.
 *
 * @param ssnActive     most accounts, closed ones excepted, with the same SSN (seed: 1)
 * @param ssnLifetime   most accounts ever, closed ones included, with the same SSN (seed: 3)
 * @param phoneActive   most accounts, closed ones excepted, with the same phone number (seed: 2)
 * @param phoneLifetime most accounts ever, closed ones included, with the same phone number (seed: 10)
 */
public record LimitSettings(int ssnActive, int ssnLifetime, int phoneActive, int phoneLifetime) {

    /** The seed's values. */
    public static final LimitSettings DEFAULTS = new LimitSettings(1, 3, 2, 10);

    public LimitSettings {
        check(ssnActive, ssnLifetime, "ssnLimits");
        check(phoneActive, phoneLifetime, "phoneLimits");
    }

    private static void check(int active, int lifetime, String field) {
        Require.that(active >= 1 && active <= lifetime, InstitutionRule.LIMIT_SETTINGS_RANGE, field);
    }
}
