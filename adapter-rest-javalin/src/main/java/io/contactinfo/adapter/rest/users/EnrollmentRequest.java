package io.contactinfo.adapter.rest.users;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.PeerTransferPreference;
import io.contactinfo.domain.user.UserUpdate;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /programs/{programCode}/enrollments}: a new account, active unless {@code status} is
 * {@code pending}, and its user. Name and home address are required (in {@code userData.profileData}, or the
 * same in {@code encryptedUserData}).
 */
record EnrollmentRequest(String institutionCustomerId, String loginId, String status, UserDataBody userData,
                         EncryptedUserData encryptedUserData, List<TermsAcceptanceBody> termsAcceptances,
                         String peerTransferAcceptPreference) {

    EnrollCommand toCommand(CallerContext caller, UserDataReader reader, LocalDate today) {
        UserUpdate user = UserUpdate.NOTHING.withTermsAcceptances(TermsAcceptanceBody.of(termsAcceptances));
        if (peerTransferAcceptPreference != null) {
            user = user.withPeerTransferPreference(PeerTransferPreference.parse(peerTransferAcceptPreference));
        }
        Optional<UserDataBody> data = reader.read(caller, userData, encryptedUserData);
        if (data.isPresent()) {
            user = data.get().addTo(user, today);
        }
        return new EnrollCommand(caller,
                Optional.ofNullable(institutionCustomerId).map(InstitutionCustomerId::new),
                Optional.ofNullable(loginId).map(LoginId::new),
                status == null ? AccountStatus.ACTIVE : AccountStatus.parse(status), user);
    }
}
