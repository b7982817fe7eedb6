package io.contactinfo.adapter.rest.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.user.Address;
import io.contactinfo.domain.user.AddressLine2;
import io.contactinfo.domain.user.City;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.MiddleName;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.State;
import io.contactinfo.domain.user.TermsAcceptance;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.ZipCode;
import java.util.List;

/**
 * The body of {@code GET …/accounts/{accountIdentifier}/users}, shaped as seed 002's sample and masked as it is:
 * address line 1 without its house number ({@code *****E Foothill Blvd}), phones by their first and last two
 * digits ({@code 22******51}), the email as {@code j***@example.com}, the SSN as its last four digits only; never
 * the date of birth. Times are ISO-8601 instants.
 */
record UsersResponse(List<UserBody> users, List<ResponseDetail> responseDetails) {

    record UserBody(String accountIdentifier, String userIdentifier, String peerTransferAcceptPreference,
                    ProfileBody profileData, EmailBody email, List<PhoneBody> phoneNumbers,
                    List<IdentityBody> identities, List<TermsBody> termsAcceptances) {
    }

    record ProfileBody(String firstName, String middleName, String lastName, List<AddressBody> addresses) {
    }

    record AddressBody(String addressLine1, String addressLine2, String city, String state, String zipCode,
                       String countryCode, String type, @JsonProperty("isDefault") boolean isDefault,
                       @JsonProperty("isVerified") boolean isVerified, @JsonProperty("isReturned") boolean isReturned,
                       String lastUpdatedDateTime) {
    }

    record EmailBody(String emailAddress, @JsonProperty("isVerified") boolean isVerified,
                     @JsonProperty("isDefault") boolean isDefault, String lastUpdatedDateTime) {
    }

    record PhoneBody(String number, String type, @JsonProperty("isDefault") boolean isDefault,
                     @JsonProperty("isVerified") boolean isVerified, String lastUpdatedDateTime) {
    }

    record IdentityBody(String identityType, String last4Identity) {
    }

    record TermsBody(String termsIdentifier, String termsAcceptanceDateTime, boolean termsAcceptanceFlag) {
    }

    static UsersResponse of(List<User> users) {
        return new UsersResponse(users.stream().map(UsersResponse::user).toList(), ResponseDetail.SUCCESS);
    }

    private static UserBody user(User user) {
        return new UserBody(user.accountId().map(Object::toString).orElse(null), user.id().toString(),
                user.profile().peerTransferPreference().apiName(), profile(user),
                user.email().map(UsersResponse::email).orElse(null),
                user.phones().stream().map(UsersResponse::phone).toList(),
                user.profile().identifyingData().map(UsersResponse::identity).map(List::of).orElse(List.of()),
                user.profile().termsAcceptances().stream().map(UsersResponse::terms).toList());
    }

    private static ProfileBody profile(User user) {
        PersonName name = user.profile().name().orElse(null);
        return new ProfileBody(name == null ? null : name.first().value(),
                name == null ? null : name.middle().map(MiddleName::value).orElse(null),
                name == null ? null : name.last().value(),
                user.profile().addresses().stream().map(UsersResponse::address).toList());
    }

    private static AddressBody address(Address address) {
        var postal = address.postal();
        return new AddressBody(postal.maskedLine1(), postal.line2().map(AddressLine2::value).orElse(null),
                postal.city().map(City::value).orElse(null), postal.state().map(State::code).orElse(null),
                postal.zipCode().map(ZipCode::value).orElse(null), postal.countryCode().value(),
                address.type().displayName(), address.isDefault(), address.isVerified(), address.isReturned(),
                address.lastUpdated().toString());
    }

    private static EmailBody email(Email email) {
        return new EmailBody(email.address().masked(), email.isVerified(), true, email.lastUpdated().toString());
    }

    private static PhoneBody phone(Phone phone) {
        return new PhoneBody(phone.number().maskedKeepingEnds(), phone.type().apiName(), phone.isDefault(),
                phone.isVerified(), phone.lastUpdated().toString());
    }

    private static IdentityBody identity(IdentifyingData data) {
        return new IdentityBody("ssn", data.lastFour());
    }

    private static TermsBody terms(TermsAcceptance terms) {
        return new TermsBody(terms.termsIdentifier(), terms.acceptedAt().toString(), terms.accepted());
    }
}
