package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.limits.PhoneLimitPolicy;
import io.contactinfo.domain.limits.SsnLimitPolicy;
import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account limits (SPEC §4.3) as a unit of work applies them: {@link #admit} locks and counts the keys an
 * account is about to take and refuses when one more would break a limit; once the change is stored,
 * {@link #link} records them. Call both inside the change's unit of work, so the locks cover the store.
 *
 * <p>A refusal is a limits decision, which SPEC §4.7 has audited; the refused change leaves nothing, so the
 * refusal is recorded alone, as {@value #REFUSED}: the rule, the limit, the count reached and the key, masked. An
 * admitted key shows in the change's own record. {@link #auditingRefusals} records it once the change's unit of work
 * is undone; when that unit of work was part of a larger one (an idempotent request's, an import batch's), whoever
 * undid the larger one records it again after it ({@link Refused#record}), since the first record went with it.
 */
final class AccountLimits {

    /** The action of a refusal's audit record. */
    static final String REFUSED = "limits.refused";

    /**
     * Keys are always locked in this order (the SSN, then phone numbers ascending), so two units of work that
     * need the same keys never wait on each other in a cycle.
     */
    private static final Comparator<PhoneNumber> LOCK_ORDER = Comparator.comparing(PhoneNumber::digits);

    private final LimitRegistry registry;
    private final InstitutionRepository institutions;
    private final AuditTrail audit;

    AccountLimits(LimitRegistry registry, InstitutionRepository institutions, AuditTrail audit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.institutions = Objects.requireNonNull(institutions, "institutions");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Runs {@code change} in a unit of work; when an account limit refuses it, the change is undone and the refusal
     * recorded in a unit of work of its own before it is thrown again.
     */
    <T> T auditingRefusals(UnitOfWork unitOfWork, CallerContext caller, Supplier<T> change) {
        try {
            return unitOfWork.transactionally(change);
        } catch (Refused refused) {
            refused.recording = () -> recordRefusal(caller, refused);
            unitOfWork.transactionally(refused::record);
            throw refused;
        }
    }

    /** {@link #auditingRefusals} for a change that returns nothing. */
    void auditingRefusals(UnitOfWork unitOfWork, CallerContext caller, Runnable change) {
        auditingRefusals(unitOfWork, caller, () -> {
            change.run();
            return null;
        });
    }

    /** The audit record of a refusal, in the caller's unit of work (see {@link #auditingRefusals}). */
    private void recordRefusal(CallerContext caller, Refused refused) {
        List<AuditRecord.Change> changes = new ArrayList<>(List.of(
                AuditTrail.change("rule", Optional.empty(), refused.rule().id()),
                AuditTrail.change("limit", Optional.empty(), String.valueOf(refused.limit())),
                AuditTrail.change("current", Optional.empty(), String.valueOf(refused.current()))));
        if (refused.key() instanceof LimitKey.Phone phone) {
            changes.add(AuditTrail.change("phoneNumber", Optional.empty(), Optional.of(phone.number())));
        } else if (refused.key() instanceof LimitKey.SocialSecurityNumber ssn) {
            // Ssn's own text: its last four digits only.
            changes.add(AuditTrail.change("ssn", Optional.empty(), ssn.ssn().toString()));
        }
        audit.record(caller, REFUSED, refused.account().toString(), changes);
    }

    /** An account limit refused a key to an account: the refusal, with what its audit record names. */
    static final class Refused extends LimitExceeded {

        private static final long serialVersionUID = 1L;

        private final transient LimitKey key;
        private final transient AccountId account;
        /** Writes this refusal's audit record; set by {@link #auditingRefusals}. */
        private transient Runnable recording = () -> { };

        Refused(LimitDecision.Refused decision, String field, LimitKey key, AccountId account) {
            super(decision.rule(), field, decision.limit(), decision.current());
            this.key = key;
            this.account = account;
        }

        LimitKey key() {
            return key;
        }

        /** The account the key was refused to; for a refused enrollment, the one it would have opened. */
        AccountId account() {
            return account;
        }

        /**
         * Writes this refusal's audit record in the current unit of work: again, for one that undid the unit of work
         * the refusal was first recorded in.
         */
        void record() {
            recording.run();
        }

        /** {@link #record} if {@code failure} is an account limit's refusal. */
        static void recordIfOne(Throwable failure) {
            if (failure instanceof Refused refused) {
                refused.record();
            }
        }
    }

    /**
     * Locks each key for the rest of the unit of work and checks that {@code account} may take it.
     *
     * @throws Refused on field {@code ssn} (SSN limits) or {@code phoneNumbers} (phone limits)
     */
    void admit(InstitutionId institution, AccountId account, Optional<Ssn> ssn, Collection<PhoneNumber> numbers) {
        if (ssn.isEmpty() && numbers.isEmpty()) {
            return;
        }
        LimitSettings settings = institutions.get(institution).limits();
        if (ssn.isPresent()) {
            LimitKey key = new LimitKey.SocialSecurityNumber(ssn.get());
            requireAdmitted(new SsnLimitPolicy(settings).decide(registry.lockAndCount(institution, key, account)),
                    "ssn", key, account);
        }
        PhoneLimitPolicy phones = new PhoneLimitPolicy(settings);
        for (PhoneNumber number : inLockOrder(numbers)) {
            LimitKey key = new LimitKey.Phone(number);
            requireAdmitted(phones.decide(registry.lockAndCount(institution, key, account)), "phoneNumbers", key,
                    account);
        }
    }

    private static void requireAdmitted(LimitDecision decision, String field, LimitKey key, AccountId account) {
        if (decision instanceof LimitDecision.Refused refused) {
            throw new Refused(refused, field, key, account);
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
