package io.contactinfo.adapter.rest.users;

import io.contactinfo.domain.account.AccountStatus;

/** The body of {@code PUT …/accounts/{accountIdentifier}/status}: {@code active}, {@code locked} or {@code closed}. */
record AccountStatusRequest(String status) {

    /** @throws io.contactinfo.domain.rule.RuleViolation {@code account.status.unknown} */
    AccountStatus requested() {
        return AccountStatus.parse(status);
    }
}
