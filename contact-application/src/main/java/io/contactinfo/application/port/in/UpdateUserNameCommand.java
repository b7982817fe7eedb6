package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.UserId;
import java.util.Objects;

/** A name change of the Users API ({@code PUT /accounts/{accountIdentifier}/users/{userIdentifier}/name}). */
public record UpdateUserNameCommand(CallerContext caller, AccountId accountId, UserId userId, PersonName name) {

    public UpdateUserNameCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
    }
}
