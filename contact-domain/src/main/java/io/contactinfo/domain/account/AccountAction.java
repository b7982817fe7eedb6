package io.contactinfo.domain.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may do to an account's status (SPEC §5.2): each action, the statuses it starts from and
 * the one it ends in.
 */
public enum AccountAction {
    ACTIVATE(AccountStatus.ACTIVE, EnumSet.of(AccountStatus.PENDING)),
    LOCK(AccountStatus.LOCKED, EnumSet.of(AccountStatus.ACTIVE)),
    UNLOCK(AccountStatus.ACTIVE, EnumSet.of(AccountStatus.LOCKED)),
    CLOSE(AccountStatus.CLOSED, EnumSet.of(AccountStatus.PENDING, AccountStatus.ACTIVE, AccountStatus.LOCKED));

    private final AccountStatus target;
    private final Set<AccountStatus> from;

    AccountAction(AccountStatus target, Set<AccountStatus> from) {
        this.target = target;
        this.from = from;
    }

    public AccountStatus target() {
        return target;
    }

    /** True when an account in {@code status} may take this action. */
    public boolean allowedFrom(AccountStatus status) {
        return from.contains(status);
    }
}
