package io.contactinfo.adapter.rest.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.RequestedPhone;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.DateOfBirth;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.RequestedAddress;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.SsnSuffix;
import io.contactinfo.domain.user.UserUpdate;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sensitive part of a user (seed 002, "Unencrypted User Data Parameters"): exactly what
 * {@code encryptedUserData} decrypts to, here sent in plain text ({@code userData}) where the server allows it.
 * Each value is checked by the domain's rule, which names the field; an omitted part is left as it is.
 */
record UserDataBody(ProfileData profileData, IdentifyingDataBody identifyingData, EmailBody email,
                    List<PhoneBody> phoneNumbers) {

    record ProfileData(String firstName, String middleName, String lastName, List<AddressBody> addresses) {
    }

    record AddressBody(String addressLine1, String addressLine2, String city, String state, String zipCode,
                       String countryCode, String type, @JsonProperty("isDefault") Boolean isDefault) {
    }

    record IdentifyingDataBody(String dateOfBirth, String ssn, String ssnSuffix) {
    }

    record EmailBody(String emailAddress) {
    }

    record PhoneBody(String number, String type, @JsonProperty("isDefault") Boolean isDefault) {
    }

    /**
     * {@code update} with this data's parts added: the name when a first, middle or last name is sent (first and
     * last then required), addresses, identifying data, email and phones when sent.
     *
     * @param today the server's date, the latest date of birth
     */
    UserUpdate addTo(UserUpdate update, LocalDate today) {
        UserUpdate result = update;
        if (profileData != null) {
            if (profileData.firstName != null || profileData.middleName != null || profileData.lastName != null) {
                result = result.withName(PersonName.of(profileData.firstName, profileData.middleName,
                        profileData.lastName));
            }
            if (profileData.addresses != null) {
                result = result.withAddresses(elements(profileData.addresses, "userData.profileData.addresses")
                        .stream().map(UserDataBody::address).toList());
            }
        }
        if (identifyingData != null) {
            result = result.withIdentifyingData(identity(identifyingData, today));
        }
        if (email != null) {
            result = result.withEmail(new EmailAddress(email.emailAddress));
        }
        if (phoneNumbers != null) {
            result = result.withPhones(elements(phoneNumbers, "userData.phoneNumbers").stream()
                    .map(p -> new RequestedPhone(new PhoneNumber(p.number), PhoneType.parse(p.type),
                            Boolean.TRUE.equals(p.isDefault)))
                    .toList());
        }
        return result;
    }

    /** The list, when none of its elements is {@code null}. */
    private static <T> List<T> elements(List<T> list, String field) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new MalformedRequestException(MalformedRequestException.Part.BODY, field + "[" + i + "]");
            }
        }
        return list;
    }

    private static RequestedAddress address(AddressBody a) {
        return new RequestedAddress(AddressType.parse(a.type),
                PostalAddress.of(a.addressLine1, a.addressLine2, a.city, a.state, a.zipCode, a.countryCode),
                Boolean.TRUE.equals(a.isDefault));
    }

    private static IdentifyingData identity(IdentifyingDataBody data, LocalDate today) {
        return new IdentifyingData(DateOfBirth.parse(data.dateOfBirth, today),
                Optional.ofNullable(data.ssn).map(Ssn::new), Optional.ofNullable(data.ssnSuffix).map(SsnSuffix::new));
    }
}
