package io.contactinfo.domain.user;

import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.RequestedPhone;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update of the Users API asks for (seed 002, "Update User"). Every part is optional: an
 * omitted part is neither updated nor created. Start from {@link #NOTHING} and add parts.
 */
public record UserUpdate(Optional<PersonName> name, Optional<List<RequestedAddress>> addresses,
                         Optional<IdentifyingData> identifyingData, Optional<EmailAddress> email,
                         Optional<List<RequestedPhone>> phones,
                         Optional<PeerTransferPreference> peerTransferPreference,
                         List<TermsAcceptance> termsAcceptances) {

    public static final UserUpdate NOTHING = new UserUpdate(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public UserUpdate {
        Objects.requireNonNull(name, "name");
        addresses = addresses.map(List::copyOf);
        Objects.requireNonNull(identifyingData, "identifyingData");
        Objects.requireNonNull(email, "email");
        phones = phones.map(List::copyOf);
        Objects.requireNonNull(peerTransferPreference, "peerTransferPreference");
        termsAcceptances = List.copyOf(termsAcceptances);
    }

    public UserUpdate withName(PersonName value) {
        return new UserUpdate(Optional.of(value), addresses, identifyingData, email, phones, peerTransferPreference,
                termsAcceptances);
    }

    public UserUpdate withAddresses(List<RequestedAddress> value) {
        return new UserUpdate(name, Optional.of(value), identifyingData, email, phones, peerTransferPreference,
                termsAcceptances);
    }

    public UserUpdate withIdentifyingData(IdentifyingData value) {
        return new UserUpdate(name, addresses, Optional.of(value), email, phones, peerTransferPreference,
                termsAcceptances);
    }

    public UserUpdate withEmail(EmailAddress value) {
        return new UserUpdate(name, addresses, identifyingData, Optional.of(value), phones, peerTransferPreference,
                termsAcceptances);
    }

    public UserUpdate withPhones(List<RequestedPhone> value) {
        return new UserUpdate(name, addresses, identifyingData, email, Optional.of(value), peerTransferPreference,
                termsAcceptances);
    }

    public UserUpdate withPeerTransferPreference(PeerTransferPreference value) {
        return new UserUpdate(name, addresses, identifyingData, email, phones, Optional.of(value),
                termsAcceptances);
    }

    public UserUpdate withTermsAcceptances(List<TermsAcceptance> value) {
        return new UserUpdate(name, addresses, identifyingData, email, phones, peerTransferPreference, value);
    }
}
