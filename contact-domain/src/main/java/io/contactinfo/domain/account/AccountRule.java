package io.contactinfo.domain.account;

import io.contactinfo.domain.rule.Rule;

/** Rules for accounts and their status (seed 002, "User Updates"; SPEC §5.2). */
public enum AccountRule implements Rule {
    STATUS_TRANSITION("account.status.transition",
            "The account's status does not allow this change (pending -> active/closed, active -> locked/closed,"
                    + " locked -> active/closed, closed is final)"),
    STATUS_UNKNOWN("account.status.unknown", "An account status is pending, active, locked or closed"),
    LOCKED_NOT_UPDATABLE("account.locked.profile-update",
            "A user profile cannot be updated for a locked account"),
    CLOSED_NOT_UPDATABLE("account.closed.profile-update",
            "A user profile cannot be updated for a closed account");

    private final String id;
    private final String description;

    AccountRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
