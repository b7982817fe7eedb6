package io.contactinfo.domain.user;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Users API keeps about a user besides contact destinations: name, addresses, identifying
 * data and whether KYC completed, terms acceptances, peer-transfer preference, login id.
 */
public record UserProfile(Optional<PersonName> name, List<Address> addresses,
                          Optional<IdentifyingData> identifyingData, boolean kycCompleted,
                          List<TermsAcceptance> termsAcceptances, PeerTransferPreference peerTransferPreference,
                          Optional<LoginId> loginId) {

    /** No profile data at all: what a user created by the Contact Info API alone has. */
    public static final UserProfile EMPTY = new UserProfile(Optional.empty(), List.of(), Optional.empty(), false,
            List.of(), PeerTransferPreference.DEFAULT, Optional.empty());

    public UserProfile {
        Objects.requireNonNull(name, "name");
        addresses = Addresses.check(addresses);
        Objects.requireNonNull(identifyingData, "identifyingData");
        termsAcceptances = List.copyOf(termsAcceptances);
        Objects.requireNonNull(peerTransferPreference, "peerTransferPreference");
        Objects.requireNonNull(loginId, "loginId");
    }

    public UserProfile withName(PersonName newName) {
        return new UserProfile(Optional.of(newName), addresses, identifyingData, kycCompleted, termsAcceptances,
                peerTransferPreference, loginId);
    }

    public UserProfile withAddresses(List<Address> newAddresses) {
        return new UserProfile(name, newAddresses, identifyingData, kycCompleted, termsAcceptances,
                peerTransferPreference, loginId);
    }

    /** Sets the identifying data; it is the caller's part to refuse this after KYC ({@link User#update}). */
    public UserProfile withIdentifyingData(IdentifyingData data) {
        return new UserProfile(name, addresses, Optional.of(data), kycCompleted, termsAcceptances,
                peerTransferPreference, loginId);
    }

    public UserProfile withKycCompleted() {
        return new UserProfile(name, addresses, identifyingData, true, termsAcceptances, peerTransferPreference,
                loginId);
    }

    public UserProfile withTermsAcceptances(List<TermsAcceptance> acceptances) {
        return new UserProfile(name, addresses, identifyingData, kycCompleted, acceptances, peerTransferPreference,
                loginId);
    }

    public UserProfile withPeerTransferPreference(PeerTransferPreference preference) {
        return new UserProfile(name, addresses, identifyingData, kycCompleted, termsAcceptances, preference,
                loginId);
    }

    public UserProfile withLoginId(LoginId newLoginId) {
        return new UserProfile(name, addresses, identifyingData, kycCompleted, termsAcceptances,
                peerTransferPreference, Optional.of(newLoginId));
    }
}
