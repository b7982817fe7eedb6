package io.contactinfo.domain.contact;

import static io.contactinfo.domain.testing.PhoneBuilder.aPhone;
import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.testing.TestClock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 002, "email" and "phoneNumbers"; seed 000, contact methods and masking. */
class ContactRuleTest {

    @Test
    void aPhoneNumberIsTenDigits() {
        PhoneNumber number = new PhoneNumber("2125550147");

        assertThat(number.lastFour()).isEqualTo("0147");
        assertThat(number.normalized()).isEqualTo("2125550147");
    }

    @ParameterizedTest(name = "phone number \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"212555014", "21255501470", "+12125550147", "212-555-0147", "212555014a", "２１２５５５０１４７"})
    void otherPhoneNumbersAreRefused(String digits) {
        assertBreaks(ContactRule.PHONE_NUMBER_FORMAT, "phoneNumber", () -> new PhoneNumber(digits));
    }

    @Test
    void aPhoneNumberIsMaskedTheContactInfoWayAndTheUsersWay() {
        PhoneNumber number = new PhoneNumber("2212345651");

        assertThat(number.masked()).isEqualTo("(***) ***-5651");
        assertThat(number.maskedKeepingEnds()).isEqualTo("22******51");
        assertThat(number.toString()).isEqualTo("(***) ***-5651");
    }

    @ParameterizedTest(name = "phone type \"{0}\" is {1}")
    @CsvSource({"mobile,MOBILE", "Mobile,MOBILE", "HOME,HOME", "work,WORK"})
    void phoneTypesAreMobileHomeOrWorkInAnyCase(String text, PhoneType type) {
        assertThat(PhoneType.parse(text)).isEqualTo(type);
        assertThat(type.apiName()).isEqualTo(type.name().toLowerCase());
    }

    @ParameterizedTest(name = "phone type \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"cell", "fax"})
    void otherPhoneTypesAreRefused(String text) {
        assertBreaks(ContactRule.PHONE_TYPE_UNKNOWN, "type", () -> PhoneType.parse(text));
    }

    @Test
    void onlyAMobilePhoneReceivesSms() {
        assertThat(PhoneType.MOBILE.receivesSms()).isTrue();
        assertThat(PhoneType.HOME.receivesSms()).isFalse();
        assertThat(PhoneType.WORK.receivesSms()).isFalse();
    }

    @Test
    void anEmailAddressIsAtMost255Characters() {
        String local = "j".repeat(64);
        String domain255 = "d".repeat(255 - local.length() - 1 - 4) + ".com";

        assertThat(new EmailAddress(local + "@" + domain255).value()).hasSize(255);
        assertBreaks(ContactRule.EMAIL_FORMAT, "emailAddress", () -> new EmailAddress(local + "@d" + domain255));
    }

    @ParameterizedTest(name = "email \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"jane", "@example.com", "jane@", "jane@@example.com", "ja@ne@example.com",
            "jane doe@example.com", "jane@exa\tmple.com"})
    void malformedEmailAddressesAreRefused(String text) {
        assertBreaks(ContactRule.EMAIL_FORMAT, "emailAddress", () -> new EmailAddress(text));
    }

    @Test
    void anEmailAddressIsMaskedAndComparedWithoutRegardToCase() {
        EmailAddress address = new EmailAddress("Jane.Doe@Example.com");

        assertThat(address.masked()).isEqualTo("J***@Example.com");
        assertThat(address.toString()).isEqualTo("J***@Example.com");
        assertThat(address.localPart()).isEqualTo("Jane.Doe");
        assertThat(address.normalized()).isEqualTo("jane.doe@example.com");
        assertThat(address.sameAs(new EmailAddress("jane.doe@example.com"))).isTrue();
        assertThat(address.sameAs(new EmailAddress("jane.do@example.com"))).isFalse();
    }

    @Test
    void aPhoneNumberIsNeverTheSameDestinationAsAnEmailAddress() {
        assertThat(new PhoneNumber("2125550147").sameAs(new EmailAddress("2125550147@x.com"))).isFalse();
        assertThat(new PhoneNumber("2125550147").sameAs(null)).isFalse();
        assertThat(new PhoneNumber("2125550147").sameAs(new PhoneNumber("2125550147"))).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is refused in production")
    @ValueSource(strings = {"jane+qa@example.com", "+jane@example.com", "jane+@example.com"})
    void aPlusInTheLocalPartIsRefusedInProduction(String address) {
        assertBreaks(ContactRule.EMAIL_PLUS_SIGN, "emailAddress",
                () -> EmailPolicy.PRODUCTION.require(new EmailAddress(address)));
    }

    @Test
    void aPlusInTheLocalPartIsAllowedInSandbox() {
        EmailAddress address = new EmailAddress("jane+qa@example.com");

        assertThat(EmailPolicy.SANDBOX.require(address)).isEqualTo(address);
    }

    @Test
    void aPlusInTheDomainIsNotTheLocalPartsRuleAndAnAddressWithoutPlusPassesEverywhere() {
        EmailAddress plain = new EmailAddress("jane@example.com");
        EmailAddress plusInDomain = new EmailAddress("jane@ex+ample.com");

        assertThat(EmailPolicy.PRODUCTION.require(plain)).isEqualTo(plain);
        assertThat(EmailPolicy.PRODUCTION.require(plusInDomain)).isEqualTo(plusInDomain);
    }

    @Test
    void twoDefaultPhonesBreakRule1040() {
        assertBreaks(ContactRule.PHONE_DEFAULT_UNIQUE, "phoneNumbers", () -> Phones.withOneDefault(List.of(
                aPhone().mobile().isDefault().build(), aPhone().home().number("2125550123").isDefault().build())));
    }

    @Test
    void whenNoPhoneIsDefaultTheFirstBecomesTheDefault() {
        List<Phone> phones = Phones.withOneDefault(List.of(aPhone().home().build(), aPhone().mobile().build()));

        assertThat(phones).extracting(Phone::isDefault).containsExactly(true, false);
    }

    @Test
    void oneDefaultPhoneIsKeptWhereItIs() {
        List<Phone> given = List.of(aPhone().home().build(), aPhone().mobile().isDefault().build());

        assertThat(Phones.withOneDefault(given)).isEqualTo(given);
        assertThat(Phones.withOneDefault(List.of())).isEmpty();
    }

    @Test
    void eachPhoneGivesAVoiceMethodEachMobileAnSmsMethodAndTheEmailAnEmailMethod() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().verified().build();
        Phone home = aPhone().home().number("2125550123").build();
        Email email = new Email(EmailId.random(), new EmailAddress("jane@example.com"), true, TestClock.NOW);

        List<ContactMethod> methods = ContactMethod.of(List.of(mobile, home), Optional.of(email));

        assertThat(methods).extracting(ContactMethod::channel)
                .containsExactly(Channel.SMS, Channel.VOICE, Channel.VOICE, Channel.EMAIL);
        assertThat(methods).extracting(ContactMethod::maskedDestination)
                .containsExactly("(***) ***-0147", "(***) ***-0147", "(***) ***-0123", "j***@example.com");
        assertThat(methods).extracting(ContactMethod::isDefault).containsExactly(true, true, false, true);
        assertThat(methods).extracting(ContactMethod::isVerified).containsExactly(true, true, false, true);
        assertThat(methods).extracting(ContactMethod::id).doesNotHaveDuplicates();
    }

    @Test
    void aContactMethodIdChangesWithTheDestination() {
        Phone phone = aPhone().number("2125550147").build();
        Phone renumbered = new Phone(phone.id(), new PhoneNumber("2125550148"), phone.type(), true, false,
                TestClock.NOW);

        ContactMethodId before = ContactMethod.of(List.of(phone), Optional.empty()).get(0).id();
        ContactMethodId again = ContactMethod.of(List.of(phone), Optional.empty()).get(0).id();
        ContactMethodId after = ContactMethod.of(List.of(renumbered), Optional.empty()).get(0).id();

        assertThat(again).isEqualTo(before);
        assertThat(after).isNotEqualTo(before);
        assertThat(before.toString()).isEqualTo(before.value().toString());
    }

    // --- email update

    @Test
    void anUpdatedEmailKeepsItsRecordAndIsVerifiedOnlyByAContactVerification() {
        Email old = new Email(EmailId.random(), new EmailAddress("jane@example.com"), true, TestClock.NOW);
        EmailAddress newAddress = new EmailAddress("jane.doe@example.com");

        Email unverified = Email.update(Optional.of(old), newAddress, Set.of(), TestClock.NOW);
        Email verified = Email.update(Optional.of(old), newAddress,
                Set.of(new EmailAddress("JANE.DOE@example.com")), TestClock.NOW);

        assertThat(unverified.id()).isEqualTo(old.id());
        assertThat(unverified.isVerified()).isFalse();
        assertThat(verified.isVerified()).isTrue();
    }

    @Test
    void theSameEmailInAnotherCaseKeepsItsVerification() {
        Email old = new Email(EmailId.random(), new EmailAddress("jane@example.com"), true, TestClock.NOW);
        Email unverifiedOld = new Email(EmailId.random(), new EmailAddress("jane@example.com"), false, TestClock.NOW);

        assertThat(Email.update(Optional.of(old), new EmailAddress("Jane@example.com"), Set.of(), TestClock.NOW)
                .isVerified()).isTrue();
        assertThat(Email.update(Optional.of(unverifiedOld), new EmailAddress("jane@example.com"), Set.of(),
                TestClock.NOW).isVerified()).isFalse();
    }

    @Test
    void aFirstEmailIsCreated() {
        Email created = Email.update(Optional.empty(), new EmailAddress("jane@example.com"), Set.of(), TestClock.NOW);

        assertThat(created.isVerified()).isFalse();
        assertThat(created.lastUpdated()).isEqualTo(TestClock.NOW);
    }
}
