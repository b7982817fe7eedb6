package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.Uuids;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.UpdateUserCommand;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.user.PeerTransferPreference;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserUpdate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /programs/{programCode}/accounts/{accountIdentifier}/users/{userIdentifier}} (seed 002,
 * "Update User"). Every part is optional. {@code userIdCreateDate} and {@code passwordChangeDate} belong to the
 * program's sign-in service, not to this one: they are read and ignored.
 *
 * @param contactVerificationIdentifiers completed contact verifications (SPEC §4.2): a new phone or email they
 *                                       prove is stored as verified
 */
record UpdateUserRequest(String peerTransferAcceptPreference, UserDataBody userData,
                         EncryptedUserData encryptedUserData, List<TermsAcceptanceBody> termsAcceptances,
                         List<String> contactVerificationIdentifiers, String userIdCreateDate,
                         String passwordChangeDate) {

    UpdateUserCommand toCommand(CallerContext caller, AccountId account, UserId user, UserDataReader reader,
                                LocalDate today) {
        UserUpdate update = UserUpdate.NOTHING.withTermsAcceptances(TermsAcceptanceBody.of(termsAcceptances));
        if (peerTransferAcceptPreference != null) {
            update = update.withPeerTransferPreference(PeerTransferPreference.parse(peerTransferAcceptPreference));
        }
        var data = reader.read(caller, userData, encryptedUserData);
        if (data.isPresent()) {
            update = data.get().addTo(update, today);
        }
        return new UpdateUserCommand(caller, account, user, update, verifications());
    }

    /** @throws MalformedRequestException naming the identifier that is not a UUID */
    private List<ContactVerificationId> verifications() {
        if (contactVerificationIdentifiers == null) {
            return List.of();
        }
        List<ContactVerificationId> ids = new ArrayList<>(contactVerificationIdentifiers.size());
        for (int i = 0; i < contactVerificationIdentifiers.size(); i++) {
            int index = i;
            ids.add(Uuids.parse(contactVerificationIdentifiers.get(i)).map(ContactVerificationId::new)
                    .orElseThrow(() -> new MalformedRequestException(MalformedRequestException.Part.BODY,
                            "contactVerificationIdentifiers[" + index + "]")));
        }
        return ids;
    }
}
