package io.contactinfo.application.service;

import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.limits.PhoneLimitPolicy;
import io.contactinfo.domain.limits.SsnLimitPolicy;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account limits (SPEC §4.3) as a unit of work applies them: {@link #admit} locks and counts the keys an
 * account is about to take and refuses when one more would break a limit; once the change is stored,
 * {@link #link} records them. Call both inside the change's unit of work, so the locks cover the store.
 */
final class AccountLimits {

    /**
     * Keys are always locked in this order (the SSN, then phone numbers ascending), so two units of work that
     * need the same keys never wait on each other in a cycle.
     */
    private static final Comparator<PhoneNumber> LOCK_ORDER = Comparator.comparing(PhoneNumber::digits);

    private final LimitRegistry registry;
    private final InstitutionRepository institutions;

    AccountLimits(LimitRegistry registry, InstitutionRepository institutions) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.institutions = Objects.requireNonNull(institutions, "institutions");
    }

    /**
     * Locks each key for the rest of the unit of work and checks that {@code account} may take it.
     *
     * @throws LimitExceeded on field {@code ssn} (SSN limits) or {@code phoneNumbers} (phone limits)
     */
    void admit(InstitutionId institution, AccountId account, Optional<Ssn> ssn, Collection<PhoneNumber> numbers) {
        if (ssn.isEmpty() && numbers.isEmpty()) {
            return;
        }
        LimitSettings settings = institutions.get(institution).limits();
        if (ssn.isPresent()) {
            new SsnLimitPolicy(settings)
                    .decide(registry.lockAndCount(institution, new LimitKey.SocialSecurityNumber(ssn.get()), account))
                    .orThrow("ssn");
        }
        PhoneLimitPolicy phones = new PhoneLimitPolicy(settings);
        for (PhoneNumber number : inLockOrder(numbers)) {
            phones.decide(registry.lockAndCount(institution, new LimitKey.Phone(number), account))
                    .orThrow("phoneNumbers");
        }
    }

    /** Links {@code account} to the keys {@link #admit} allowed it. */
    void link(InstitutionId institution, AccountId account, Optional<Ssn> ssn, Collection<PhoneNumber> numbers) {
        ssn.ifPresent(s -> registry.link(institution, new LimitKey.SocialSecurityNumber(s), account));
        inLockOrder(numbers).forEach(n -> registry.link(institution, new LimitKey.Phone(n), account));
    }

    /** The account's user no longer has these keys: they stop counting as active, still count for lifetime. */
    void release(InstitutionId institution, AccountId account, Optional<Ssn> ssn, Collection<PhoneNumber> numbers) {
        ssn.ifPresent(s -> registry.release(institution, new LimitKey.SocialSecurityNumber(s), account));
        inLockOrder(numbers).forEach(n -> registry.release(institution, new LimitKey.Phone(n), account));
    }

    /**
     * Keeps the account's links in step with a change of its user: what the change adds (new phone numbers,
     * a new SSN) is admitted within the limits and linked; what the user no longer has is released.
     *
     * @throws LimitExceeded as {@link #admit}, before anything is linked or released
     */
    void follow(InstitutionId institution, AccountId account, UserChange change) {
        Optional<Ssn> before = ssnOf(change.before());
        Optional<Ssn> after = ssnOf(change.after());
        Optional<Ssn> added = after.filter(ssn -> !after.equals(before));
        Optional<Ssn> dropped = before.filter(ssn -> !before.equals(after));
        List<PhoneNumber> kept = numbers(change.after());
        List<PhoneNumber> droppedNumbers = numbers(change.before()).stream().filter(n -> !kept.contains(n)).toList();

        admit(institution, account, added, change.newPhoneNumbers());
        link(institution, account, added, change.newPhoneNumbers());
        release(institution, account, dropped, droppedNumbers);
    }

    private static List<PhoneNumber> numbers(User user) {
        return user.phones().stream().map(Phone::number).toList();
    }

    /** The full SSN the user's identifying data holds; a user known by its last four digits only has none. */
    static Optional<Ssn> ssnOf(User user) {
        return user.profile().identifyingData().flatMap(IdentifyingData::ssn);
    }

    private static List<PhoneNumber> inLockOrder(Collection<PhoneNumber> numbers) {
        return numbers.stream().distinct().sorted(LOCK_ORDER).toList();
    }
}
