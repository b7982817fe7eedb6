package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.AccountId;
import java.util.Objects;

/** Whose users to list ({@code GET /accounts/{accountIdentifier}/users}), and who asks. */
public record ListUsersQuery(CallerContext caller, AccountId accountId) {

    public ListUsersQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(accountId, "accountId");
    }
}
