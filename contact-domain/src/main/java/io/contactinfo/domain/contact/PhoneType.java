package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.Locale;

/** The kinds of phone of seed 002. Only a mobile phone can receive SMS. */
public enum PhoneType {
    MOBILE, HOME, WORK;

    public boolean receivesSms() {
        return this == MOBILE;
    }

    /**
     * The type named {@code text} ({@code mobile}, {@code home}, {@code work}), without regard to case.
     *
     * @throws RuleViolation {@link ContactRule#PHONE_TYPE_UNKNOWN} for any other text
     */
    public static PhoneType parse(String text) {
        for (PhoneType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new RuleViolation(ContactRule.PHONE_TYPE_UNKNOWN, "type");
    }

    /** The name the Users API uses: {@code mobile}, {@code home}, {@code work}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
