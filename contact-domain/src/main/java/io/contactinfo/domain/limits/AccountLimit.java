package io.contactinfo.domain.limits;

import io.contactinfo.domain.rule.LimitDecision;

/** One pair of limits, active and lifetime, and the rules that name them. */
record AccountLimit(int maxActive, LimitRule activeRule, int maxLifetime, LimitRule lifetimeRule) {

    /**
     * Whether one more account may be linked: the active limit is checked first, as seed 002 lists it.
     */
    LimitDecision decide(LinkedAccounts linked) {
        LimitDecision active = LimitDecision.below(linked.active(), maxActive, activeRule);
        return active instanceof LimitDecision.Refused
                ? active
                : LimitDecision.below(linked.lifetime(), maxLifetime, lifetimeRule);
    }
}
