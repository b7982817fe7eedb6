package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.Locale;

/** The kinds of postal address of seed 002. Only home has a use today; work and billing are kept as given. */
public enum AddressType {
    HOME, WORK, BILLING;

    /**
     * The type named {@code text}, without regard to case.
     *
     * @throws RuleViolation {@link AddressRule#TYPE_UNKNOWN} for any other text
     */
    public static AddressType parse(String text) {
        for (AddressType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new RuleViolation(AddressRule.TYPE_UNKNOWN, "type");
    }

    /** The name the Users API shows: {@code Home}, {@code Work}, {@code Billing}. */
    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
