package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.RuleViolation;

/** A North American phone number: exactly 10 digits, no country code (seed 002). */
public record PhoneNumber(String digits) implements Destination {

    private static final int LENGTH = 10;

    public PhoneNumber {
        if (!isTenDigits(digits)) {
            throw new RuleViolation(ContactRule.PHONE_NUMBER_FORMAT, "phoneNumber");
        }
    }

    private static boolean isTenDigits(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The last four digits, the only part a masked destination shows. */
    public String lastFour() {
        return digits.substring(LENGTH - 4);
    }

    /** The Contact Info API's masked form: {@code (***) ***-1234}. */
    @Override
    public String masked() {
        return "(***) ***-" + lastFour();
    }

    /** The Users API's masked form (seed 002): the first two and last two digits, {@code 22******51}. */
    public String maskedKeepingEnds() {
        return digits.substring(0, 2) + "******" + digits.substring(LENGTH - 2);
    }

    /** The ten digits: a phone number has one spelling. */
    @Override
    public String normalized() {
        return digits;
    }

    /** Never the digits: a phone number is personal data and {@code toString} ends up in logs. */
    @Override
    public String toString() {
        return masked();
    }
}
