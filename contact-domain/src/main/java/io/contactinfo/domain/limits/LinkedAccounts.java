package io.contactinfo.domain.limits;

/**
 * How many accounts of one institution an SSN or a phone number is already linked to, the account
 * being decided on excepted.
 *
 * @param active   the linked accounts that are not closed (pending, active and locked all count)
 * @param lifetime every account ever linked, closed ones included; never fewer than {@code active}
 */
public record LinkedAccounts(int active, int lifetime) {

    public static final LinkedAccounts NONE = new LinkedAccounts(0, 0);

    public LinkedAccounts {
        if (active < 0 || active > lifetime) {
            throw new IllegalArgumentException("0 <= active <= lifetime, got " + active + " and " + lifetime);
        }
    }
}
