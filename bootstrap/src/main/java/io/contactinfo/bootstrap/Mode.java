package io.contactinfo.bootstrap;

import io.contactinfo.domain.contact.EmailPolicy;
import java.util.Locale;

/** How the server runs (SPEC §7). */
public enum Mode {
    /** For trying it out: everything needed is generated or loaded on first start. */
    DEV,
    /** For real customers: nothing is generated, nothing secret is printed. */
    PROD;

    /** Dev mode runs sandbox rules: a '+' in an email address is allowed, as in the source program's PIE. */
    EmailPolicy emailPolicy() {
        return this == DEV ? EmailPolicy.SANDBOX : EmailPolicy.PRODUCTION;
    }

    static Mode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Setting.MODE, "must be dev or prod");
        }
    }
}
