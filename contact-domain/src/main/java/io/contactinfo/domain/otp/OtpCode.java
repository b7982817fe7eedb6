package io.contactinfo.domain.otp;

import io.contactinfo.domain.rule.Require;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A one-time passcode as the customer types it: 6-10 digits. Never logged, stored or returned. */
public record OtpCode(String digits) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{" + OtpPolicy.MIN_CODE_LENGTH + ","
            + OtpPolicy.MAX_CODE_LENGTH + "}");

    public OtpCode {
        Require.matches(digits, DIGITS, OtpRule.CODE_FORMAT, "code");
    }

    /**
     * A fresh code of {@code length} digits drawn from {@code random}, which must be a CSPRNG
     * (e.g. {@code java.security.SecureRandom}) in production: the domain only uses it.
     */
    public static OtpCode generate(int length, RandomGenerator random) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return new OtpCode(digits.toString());
    }

    /** Never the digits: {@code toString} ends up in logs. */
    @Override
    public String toString() {
        return "******";
    }
}
