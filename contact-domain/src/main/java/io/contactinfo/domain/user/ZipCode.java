package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.regex.Pattern;

/**
 * A five-digit ZIP code (seed 002): a ZIP+4 ({@code 91107-1234} or {@code 911071234}) is accepted and
 * its extension stripped.
 */
public record ZipCode(String value) {

    private static final Pattern ZIP_OR_ZIP_PLUS_4 = Pattern.compile("[0-9]{5}(-?[0-9]{4})?");

    public ZipCode {
        Require.matches(value, ZIP_OR_ZIP_PLUS_4, AddressRule.ZIP_CODE_FORMAT, "zipCode");
        value = value.substring(0, 5);
    }
}
