package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.UserUpdate;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrollment of the Users API ({@code POST /programs/{programCode}/enrollments}): a new account and its user.
 *
 * @param caller        who asks; the new account and user belong to the caller's institution
 * @param customerId    the institution's id for the customer; one is generated when absent
 * @param loginId       the name the customer will sign in with, when the institution gives one
 * @param initialStatus {@link AccountStatus#ACTIVE} (the usual) or {@link AccountStatus#PENDING}
 * @param user          the user's data: name and home address (required), identifying data, email, phones,
 *                      terms acceptances, peer-transfer preference
 */
public record EnrollCommand(CallerContext caller, Optional<InstitutionCustomerId> customerId,
                            Optional<LoginId> loginId, AccountStatus initialStatus, UserUpdate user) {

    public EnrollCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(loginId, "loginId");
        Objects.requireNonNull(initialStatus, "initialStatus");
        Objects.requireNonNull(user, "user");
    }
}
