package io.contactinfo.application.service;

import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.TermsAcceptance;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Users API change writes in its audit record (SPEC §4.7), masked: phone numbers and email addresses in
 * their masked forms, the SSN as its last four digits, and name, addresses and date of birth not at all (only
 * that they changed).
 */
final class UserAuditChanges {

    private UserAuditChanges() {
    }

    static List<AuditRecord.Change> of(UserChange change) {
        User before = change.before();
        User after = change.after();
        List<AuditRecord.Change> changes = new ArrayList<>();
        for (UserPart part : UserPart.values()) {
            if (!change.changed().contains(part)) {
                continue;
            }
            switch (part) {
                case NAME -> changes.add(changed("name"));
                case ADDRESSES -> changes.add(changed("addresses"));
                case IDENTIFYING_DATA -> changes.add(new AuditRecord.Change("identifyingData",
                        maskedSsn(before), maskedSsn(after)));
                case EMAIL -> changes.add(AuditTrail.change("email", before.email().map(Email::address),
                        after.email().map(Email::address)));
                case PHONES -> changes.addAll(phones(before, after));
                case PEER_TRANSFER_PREFERENCE -> changes.add(AuditTrail.change("peerTransferAcceptPreference",
                        Optional.of(before.profile().peerTransferPreference().apiName()),
                        after.profile().peerTransferPreference().apiName()));
                case TERMS_ACCEPTANCES -> changes.addAll(terms(before, after));
            }
        }
        return changes;
    }

    /** A change whose values are personal data and not kept: only that it happened. */
    static AuditRecord.Change changed(String field) {
        return new AuditRecord.Change(field, Optional.empty(), Optional.empty());
    }

    /** Each phone the change created or altered, by type, with its numbers masked. */
    private static List<AuditRecord.Change> phones(User before, User after) {
        List<AuditRecord.Change> changes = new ArrayList<>();
        for (Phone phone : after.phones()) {
            Optional<Phone> old = before.phones().stream().filter(p -> p.id().equals(phone.id())).findFirst();
            boolean same = old.filter(p -> p.number().equals(phone.number()) && p.type() == phone.type()
                    && p.isDefault() == phone.isDefault() && p.isVerified() == phone.isVerified()).isPresent();
            if (!same) {
                changes.add(AuditTrail.change("phoneNumbers." + phone.type().apiName(), old.map(Phone::number),
                        Optional.of(phone.number())));
            }
        }
        return changes;
    }

    private static List<AuditRecord.Change> terms(User before, User after) {
        List<TermsAcceptance> old = before.profile().termsAcceptances();
        return after.profile().termsAcceptances().stream()
                .filter(terms -> !old.contains(terms))
                .map(terms -> AuditTrail.change("termsAcceptances." + terms.termsIdentifier(),
                        old.stream().filter(o -> o.termsIdentifier().equals(terms.termsIdentifier())).findFirst()
                                .map(o -> String.valueOf(o.accepted())),
                        String.valueOf(terms.accepted())))
                .toList();
    }

    private static Optional<String> maskedSsn(User user) {
        return user.profile().identifyingData().map(IdentifyingData::lastFour).map(last4 -> "*****" + last4);
    }
}
