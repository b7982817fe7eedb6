package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name a customer signs in with ({@code userIdType: LOGIN_ID} of the Contact Info API, SPEC §4.4):
 * 1-255 characters without spaces or control characters, compared without regard to case.
 */
public record LoginId(String value) {

    private static final Pattern VISIBLE = Pattern.compile("[^\\p{Space}\\p{Cntrl}]{1,255}");

    public LoginId {
        Require.matches(value, VISIBLE, ProfileRule.LOGIN_ID_FORMAT, "loginId");
    }

    /** True when {@code candidate} names this login id, in any case. */
    public boolean matches(String candidate) {
        return candidate != null && value.toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT));
    }
}
