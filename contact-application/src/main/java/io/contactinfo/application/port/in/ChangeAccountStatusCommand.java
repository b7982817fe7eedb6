package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import java.util.Objects;

/**
 * A status change of the Users API ({@code PUT /accounts/{accountIdentifier}/status}).
 *
 * @param status the status the account should have: active (activate or unlock), locked or closed
 */
public record ChangeAccountStatusCommand(CallerContext caller, AccountId accountId, AccountStatus status) {

    public ChangeAccountStatusCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
    }
}
