package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.UserId;
import java.util.Objects;

/** What an enrollment created: the account, its user, and the customer id (the one given or generated). */
public record EnrollResult(AccountId accountId, UserId userId, InstitutionCustomerId customerId) {

    public EnrollResult {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
