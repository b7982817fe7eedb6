package io.contactinfo.application.port.out;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.limits.LinkedAccounts;

/**
 * Which accounts each phone number and SSN is linked to, per institution, for the account limits
 * (SPEC §4.3). A link is never deleted: lifetime counts every account ever linked.
 *
 * <p>Race-free by contract: {@link #lockAndCount} holds the key until the unit of work ends, so
 * two requests (in one process or in several sharing a database) that would both take the last
 * place are serialized, and the second one counts the first one's link.
 */
public interface LimitRegistry {

    /**
     * Locks {@code key} for the rest of the unit of work, then counts the accounts linked to it,
     * {@code except} excepted: active are those whose account is not closed and whose user still has
     * the key; lifetime are all ever linked.
     */
    LinkedAccounts lockAndCount(InstitutionId institutionId, LimitKey key, AccountId except);

    /** Links {@code account} to {@code key}; linking again changes nothing. */
    void link(InstitutionId institutionId, LimitKey key, AccountId account);

    /** The account's user no longer has {@code key}: it stops counting as active, still counts for lifetime. */
    void release(InstitutionId institutionId, LimitKey key, AccountId account);
}
