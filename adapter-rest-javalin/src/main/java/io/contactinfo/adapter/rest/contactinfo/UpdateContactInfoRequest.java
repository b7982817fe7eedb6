package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.UpdateContactInfoCommand;
import io.contactinfo.application.port.in.UpdateContactInfoCommand.PhoneChange;
import io.contactinfo.application.port.in.UpdateContactInfoCommand.UserIdType;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.AddressLine1;
import io.contactinfo.domain.user.AddressLine2;
import io.contactinfo.domain.user.City;
import io.contactinfo.domain.user.CountryCode;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.State;
import io.contactinfo.domain.user.ZipCode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The body of {@code PUT /customers/{customerId}:contact-info} (seed 001; SPEC §5.1). Each value is checked by
 * the domain's rule under the field name this API gives it, so a refusal names {@code postalAddress.city}, not
 * the Users API's {@code city}.
 *
 * @param userIdType how the path names the customer; {@code CUSTOMER_ID} when absent
 */
record UpdateContactInfoRequest(UserIdType userIdType, PhoneNumberBody phoneNumber, EmailBody email,
                                PostalAddressBody postalAddress) {

    /** The country codes of the North American Numbering Plan, the only numbers this service keeps. */
    private static final Set<String> NANP = Set.of("1", "+1", "US", "USA");

    record PhoneNumberBody(String oldPhoneNumber, String oldCountryCode, String newPhoneNumber,
                           String newCountryCode) {
    }

    record EmailBody(String emailAddress) {
    }

    record PostalAddressBody(String address1, String address2, String city, String state, String postalCode,
                             String country) {
    }

    UserIdType userIdTypeOrDefault() {
        return userIdType == null ? UserIdType.CUSTOMER_ID : userIdType;
    }

    /**
     * @throws RuleViolation            on the API's field when a value breaks a rule
     * @throws io.contactinfo.application.port.in.InvalidCommandException when the parts do not go together
     */
    UpdateContactInfoCommand toCommand(CallerContext caller, String userId) {
        return new UpdateContactInfoCommand(caller, userIdTypeOrDefault(), userId,
                Optional.ofNullable(phoneNumber).map(UpdateContactInfoRequest::phoneChange),
                Optional.ofNullable(email).map(e -> field("email.emailAddress", () -> new EmailAddress(e.emailAddress))),
                Optional.ofNullable(postalAddress).map(UpdateContactInfoRequest::postal));
    }

    private static PhoneChange phoneChange(PhoneNumberBody phone) {
        return new PhoneChange(
                nanp("phoneNumber.oldPhoneNumber", phone.oldPhoneNumber, "phoneNumber.oldCountryCode",
                        phone.oldCountryCode),
                nanp("phoneNumber.newPhoneNumber", phone.newPhoneNumber, "phoneNumber.newCountryCode",
                        phone.newCountryCode));
    }

    /** A NANP number: ten digits, and a country code of 1, US or USA when one is given. */
    private static PhoneNumber nanp(String numberField, String number, String countryCodeField, String countryCode) {
        if (countryCode != null && !NANP.contains(countryCode.strip().toUpperCase(Locale.ROOT))) {
            throw new RuleViolation(ContactRule.PHONE_NUMBER_FORMAT, countryCodeField);
        }
        return field(numberField, () -> new PhoneNumber(number));
    }

    private static PostalAddress postal(PostalAddressBody a) {
        return new PostalAddress(
                field("postalAddress.address1", () -> new AddressLine1(a.address1)),
                optional("postalAddress.address2", a.address2, AddressLine2::new),
                optional("postalAddress.city", a.city, City::new),
                optional("postalAddress.state", a.state, State::new),
                optional("postalAddress.postalCode", a.postalCode, ZipCode::new),
                field("postalAddress.country", () -> CountryCode.orUsa(a.country)));
    }

    /** A missing or empty optional part is absent, as in {@link PostalAddress#of}. */
    private static <T> Optional<T> optional(String name, String value, Function<String, T> parse) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty()).map(v -> field(name, () -> parse.apply(v)));
    }

    /** The value, or the domain's refusal of it moved onto this API's field name. */
    private static <T> T field(String name, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuleViolation broken) {
            throw new RuleViolation(broken.rule(), name);
        }
    }
}
