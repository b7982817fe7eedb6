package io.contactinfo.adapter.rest.users;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.UpdateUserNameCommand;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.UserId;

/**
 * The body of {@code PUT …/users/{userIdentifier}/name} (seed 002, "Update User Name"): the user data, of which
 * only {@code profileData}'s first, middle and last name are read.
 */
record UpdateUserNameRequest(UserDataBody userData, EncryptedUserData encryptedUserData) {

    UpdateUserNameCommand toCommand(CallerContext caller, AccountId account, UserId user, UserDataReader reader) {
        UserDataBody.ProfileData profile = reader.read(caller, userData, encryptedUserData)
                .map(UserDataBody::profileData)
                .orElse(null);
        PersonName name = profile == null ? PersonName.of(null, null, null)
                : PersonName.of(profile.firstName(), profile.middleName(), profile.lastName());
        return new UpdateUserNameCommand(caller, account, user, name);
    }
}
