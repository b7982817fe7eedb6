package io.contactinfo.domain.limits;

import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.rule.LimitDecision;
import java.util.Objects;

/**
 * May one more account be linked to a phone number? At most {@code phoneActive} (seed: 2) accounts
 * that are not closed and {@code phoneLifetime} (seed: 10) accounts ever, per institution
 * (seed 002, "Phone Limits", codes 2/63 and 2/66).
 */
public final class PhoneLimitPolicy {

    private final AccountLimit limit;

    public PhoneLimitPolicy(LimitSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.limit = new AccountLimit(settings.phoneActive(), LimitRule.PHONE_ACTIVE,
                settings.phoneLifetime(), LimitRule.PHONE_LIFETIME);
    }

    /** @param linked the accounts the number is already linked to, the one being decided on excepted */
    public LimitDecision decide(LinkedAccounts linked) {
        return limit.decide(linked);
    }
}
