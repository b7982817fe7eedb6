package io.contactinfo.domain.account;

import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.rule.RuleViolation;
import java.time.Instant;
import java.util.Objects;

/** An account of an institution: the {@code accountIdentifier} a user of the Users API lives under. */
public final class Account {

    private final AccountId id;
    private final InstitutionId institutionId;
    private final AccountStatus status;
    private final Instant statusChangedAt;

    private Account(AccountId id, InstitutionId institutionId, AccountStatus status, Instant statusChangedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.status = Objects.requireNonNull(status, "status");
        this.statusChangedAt = Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    }

    /** A new account, pending until activated. */
    public static Account open(AccountId id, InstitutionId institutionId, Instant now) {
        return new Account(id, institutionId, AccountStatus.PENDING, now);
    }

    /** An account as it was stored; for repositories only. */
    public static Account reconstitute(AccountId id, InstitutionId institutionId, AccountStatus status,
                                       Instant statusChangedAt) {
        return new Account(id, institutionId, status, statusChangedAt);
    }

    /**
     * @return the account after {@code action}
     * @throws RuleViolation {@link AccountRule#STATUS_TRANSITION} when the current status does not allow it
     */
    public Account apply(AccountAction action, Instant now) {
        if (!action.allowedFrom(status)) {
            throw new RuleViolation(AccountRule.STATUS_TRANSITION, "status");
        }
        return new Account(id, institutionId, action.target(), now);
    }

    public AccountId id() {
        return id;
    }

    public InstitutionId institutionId() {
        return institutionId;
    }

    public AccountStatus status() {
        return status;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }
}
