package io.contactinfo.domain.limits;

import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.rule.LimitDecision;
import java.util.Objects;

/**
 * May one more account be linked to an SSN? At most {@code ssnActive} (seed: 1) accounts
 * that are not closed and {@code ssnLifetime} (seed: 3) accounts ever, per institution
 * (seed 002, "Social Security Number (SSN) Limits", codes 2/60 and 2/61).
 */
public final class SsnLimitPolicy {

    private final AccountLimit limit;

    public SsnLimitPolicy(LimitSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.limit = new AccountLimit(settings.ssnActive(), LimitRule.SSN_ACTIVE,
                settings.ssnLifetime(), LimitRule.SSN_LIFETIME);
    }

    /** @param linked the accounts the SSN is already linked to, the one being decided on excepted */
    public LimitDecision decide(LinkedAccounts linked) {
        return limit.decide(linked);
    }
}
