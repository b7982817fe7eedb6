package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserUpdate;
import java.util.List;
import java.util.Objects;

/**
 * An update of the Users API ({@code PUT /accounts/{accountIdentifier}/users/{userIdentifier}}).
 *
 * @param update                         the parts to update; omitted parts are untouched
 * @param contactVerificationIdentifiers completed contact verifications of this user, each usable once:
 *                                       a phone or email among their destinations is stored as verified
 */
public record UpdateUserCommand(CallerContext caller, AccountId accountId, UserId userId, UserUpdate update,
                                List<ContactVerificationId> contactVerificationIdentifiers) {

    public UpdateUserCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(update, "update");
        contactVerificationIdentifiers = List.copyOf(contactVerificationIdentifiers);
    }
}
