package io.contactinfo.domain.user;

import static io.contactinfo.domain.testing.AddressBuilder.aHomeAddress;
import static io.contactinfo.domain.testing.AddressBuilder.aWorkAddress;
import static io.contactinfo.domain.testing.PhoneBuilder.aPhone;
import static io.contactinfo.domain.testing.PhoneBuilder.requested;
import static io.contactinfo.domain.testing.UserBuilder.aUser;
import static io.contactinfo.domain.testing.UserBuilder.anUpdateContext;
import static io.contactinfo.domain.testing.UserBuilder.updateContext;
import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.testing.Identities;
import io.contactinfo.domain.testing.TestClock;
import io.contactinfo.domain.testing.UserBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seed 002, "Business Rules" and "User Updates" (SPEC §4.2): what an update of a user does and refuses. */
class UserUpdateTest {

    private static final PhoneId MOBILE_ID = PhoneId.random();

    private static User jane() {
        return aUser().withName("Jane", "Doe")
                .withAddresses(aHomeAddress())
                .withPhone(aPhone().id(MOBILE_ID).mobile().number("2125550147").isDefault().verified())
                .withPhone(aPhone().home().number("2125550123"))
                .withEmail("jane@example.com", true)
                .build();
    }

    @Test
    void anUpdateWithNothingChangesNothing() {
        User jane = jane();

        UserChange change = jane.update(UserUpdate.NOTHING, anUpdateContext());

        assertThat(change.isChanged()).isFalse();
        assertThat(change.after().phones()).isEqualTo(jane.phones());
        assertThat(change.after().email()).isEqualTo(jane.email());
        assertThat(change.after().profile()).isEqualTo(jane.profile());
        assertThat(change.before()).isSameAs(jane);
    }

    @Test
    void omittedPartsAreNeitherUpdatedNorCreated() {
        User noEmail = aUser().withName("Jane", "Doe").build();

        UserChange change = noEmail.update(UserUpdate.NOTHING.withName(PersonName.of("Janet", null, "Doe")),
                anUpdateContext());

        assertThat(change.changed()).containsExactly(UserPart.NAME);
        assertThat(change.after().email()).isEmpty();
        assertThat(change.after().phones()).isEmpty();
        assertThat(change.after().profile().addresses()).isEmpty();
    }

    @Test
    void givenALockedAccount_update_isRefusedWithCode5SubCode362AndChangesNothing() {
        User jane = jane();

        assertBreaks(AccountRule.LOCKED_NOT_UPDATABLE, "accountIdentifier", () -> jane.update(
                UserUpdate.NOTHING.withName(PersonName.of("Janet", null, "Doe")),
                updateContext(AccountStatus.LOCKED, EmailPolicy.PRODUCTION, Set.of())));
    }

    @Test
    void givenAClosedAccount_update_isRefused() {
        assertBreaks(AccountRule.CLOSED_NOT_UPDATABLE, () -> jane().update(UserUpdate.NOTHING,
                updateContext(AccountStatus.CLOSED, EmailPolicy.PRODUCTION, Set.of())));
    }

    @ParameterizedTest(name = "a {0} account can be updated")
    @EnumSource(value = AccountStatus.class, names = {"PENDING", "ACTIVE"})
    void pendingAndActiveAccountsCanBeUpdated(AccountStatus status) {
        UserChange change = jane().update(UserUpdate.NOTHING.withName(PersonName.of("Janet", null, "Doe")),
                updateContext(status, EmailPolicy.PRODUCTION, Set.of()));

        assertThat(change.after().profile().name()).contains(PersonName.of("Janet", null, "Doe"));
    }

    @Test
    void theSameNameIsNoChange() {
        assertThat(jane().update(UserUpdate.NOTHING.withName(PersonName.of("Jane", null, "Doe")), anUpdateContext())
                .isChanged()).isFalse();
    }

    // --- email

    @Test
    void givenProduction_anEmailWithAPlus_isRefused() {
        assertBreaks(ContactRule.EMAIL_PLUS_SIGN, "emailAddress", () -> jane().update(
                UserUpdate.NOTHING.withEmail(new EmailAddress("jane+qa@example.com")), anUpdateContext()));
    }

    @Test
    void givenSandbox_anEmailWithAPlus_isStoredUnverified() {
        UserChange change = jane().update(UserUpdate.NOTHING.withEmail(new EmailAddress("jane+qa@example.com")),
                updateContext(AccountStatus.ACTIVE, EmailPolicy.SANDBOX, Set.of()));

        assertThat(change.changed()).containsExactly(UserPart.EMAIL);
        assertThat(change.after().email().orElseThrow().address().value()).isEqualTo("jane+qa@example.com");
        assertThat(change.after().email().orElseThrow().isVerified()).isFalse();
        assertThat(change.after().email().orElseThrow().lastUpdated()).isEqualTo(TestClock.NOW);
    }

    @Test
    void aNewEmailMatchingAContactVerificationIsStoredVerified() {
        EmailAddress address = new EmailAddress("jane.doe@example.com");

        UserChange change = jane().update(UserUpdate.NOTHING.withEmail(address),
                updateContext(AccountStatus.ACTIVE, EmailPolicy.PRODUCTION, Set.of(address)));

        assertThat(change.after().email().orElseThrow().isVerified()).isTrue();
    }

    @Test
    void theSameEmailIsNoChange() {
        User jane = jane();

        UserChange change = jane.update(UserUpdate.NOTHING.withEmail(new EmailAddress("jane@example.com")),
                anUpdateContext());

        assertThat(change.isChanged()).isFalse();
        assertThat(change.after().email()).isEqualTo(jane.email());
    }

    @Test
    void aFirstEmailIsCreated() {
        UserChange change = aUser().build().update(UserUpdate.NOTHING.withEmail(new EmailAddress("j@example.com")),
                anUpdateContext());

        assertThat(change.changed()).containsExactly(UserPart.EMAIL);
    }

    // --- phones

    @Test
    void givenTwoDefaultPhones_update_isRejectedWithRule1040() {
        assertBreaks(ContactRule.PHONE_DEFAULT_UNIQUE, "phoneNumbers", () -> jane().update(UserUpdate.NOTHING.withPhones(
                List.of(requested(PhoneType.MOBILE, "2125550147", true), requested(PhoneType.WORK, "2125550100", true))),
                anUpdateContext()));
    }

    @Test
    void newPhoneNumbersAreReportedForTheLimits() {
        UserChange change = jane().update(UserUpdate.NOTHING.withPhones(List.of(
                requested(PhoneType.WORK, "2125550100", false), requested(PhoneType.MOBILE, "2125550147", false))),
                anUpdateContext());

        assertThat(change.changed()).containsExactly(UserPart.PHONES);
        assertThat(change.newPhoneNumbers()).containsExactly(new PhoneNumber("2125550100"));
        assertThat(change.after().phones()).extracting(Phone::type)
                .containsExactly(PhoneType.MOBILE, PhoneType.HOME, PhoneType.WORK);
        assertThat(change.after().phones().get(2).isVerified()).isFalse();
    }

    @Test
    void aNewPhoneMatchingAContactVerificationIsStoredVerified() {
        PhoneNumber work = new PhoneNumber("2125550100");

        UserChange change = jane().update(UserUpdate.NOTHING.withPhones(List.of(requested(PhoneType.WORK,
                "2125550100", false))), updateContext(AccountStatus.ACTIVE, EmailPolicy.PRODUCTION, Set.of(work)));

        assertThat(change.after().phones().get(2).isVerified()).isTrue();
    }

    @Test
    void theSamePhonesAreNoChange() {
        User jane = jane();

        UserChange change = jane.update(UserUpdate.NOTHING.withPhones(List.of(
                requested(PhoneType.MOBILE, "2125550147", true))), anUpdateContext());

        assertThat(change.isChanged()).isFalse();
        assertThat(change.after().phones()).isEqualTo(jane.phones());
        assertThat(change.newPhoneNumbers()).isEmpty();
    }

    @Test
    void changingTheCertifiedPhonesNumberRemovesTheCertification() {
        User certified = jane().certifyPhone(MOBILE_ID, TestClock.NOW, UUID.randomUUID());

        UserChange change = certified.update(UserUpdate.NOTHING.withPhones(List.of(
                requested(PhoneType.MOBILE, "2125550148", false))), anUpdateContext());

        assertThat(certified.certifiedPhone()).isPresent();
        assertThat(change.changed()).containsExactly(UserPart.PHONES);
        assertThat(change.after().certifiedPhone()).isEmpty();
    }

    @Test
    void changingAnotherPhoneKeepsTheCertification() {
        User certified = jane().certifyPhone(MOBILE_ID, TestClock.NOW, UUID.randomUUID());

        UserChange change = certified.update(UserUpdate.NOTHING.withPhones(List.of(
                requested(PhoneType.HOME, "2125550199", false))), anUpdateContext());

        assertThat(change.after().certifiedPhone()).isEqualTo(certified.certifiedPhone());
        assertThat(change.changed()).containsExactly(UserPart.PHONES);
    }

    @Test
    void replacingAPhoneNumberTheContactInfoWay() {
        User certified = jane().certifyPhone(MOBILE_ID, TestClock.NOW, UUID.randomUUID());

        UserChange change = certified.replacePhoneNumber(new PhoneNumber("2125550147"), new PhoneNumber("2125550148"),
                Set.of(), TestClock.NOW);
        UserChange same = certified.replacePhoneNumber(new PhoneNumber("2125550147"), new PhoneNumber("2125550147"),
                Set.of(), TestClock.NOW);

        assertThat(change.changed()).containsExactly(UserPart.PHONES);
        assertThat(change.newPhoneNumbers()).containsExactly(new PhoneNumber("2125550148"));
        assertThat(change.after().certifiedPhone()).isEmpty();
        assertThat(same.isChanged()).isFalse();
        assertThat(same.after().phones()).isEqualTo(certified.phones());
        assertThat(same.after().certifiedPhone()).isPresent();
    }

    // --- addresses

    @Test
    void addressesFollowTheirUpdateRules() {
        UserChange change = jane().update(UserUpdate.NOTHING.withAddresses(List.of(aWorkAddress().requested())),
                anUpdateContext());

        assertThat(change.changed()).containsExactly(UserPart.ADDRESSES);
        assertThat(change.after().profile().addresses()).extracting(Address::type)
                .containsExactly(AddressType.HOME, AddressType.WORK);
        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED, () -> jane().update(
                UserUpdate.NOTHING.withAddresses(List.of(aWorkAddress().isDefault(true).requested())),
                anUpdateContext()));
    }

    @Test
    void aChangedHomeAddressIsAChange() {
        UserChange change = jane().update(UserUpdate.NOTHING.withAddresses(List.of(aHomeAddress().line1("9 Elm St")
                .requested())), anUpdateContext());

        assertThat(change.changed()).containsExactly(UserPart.ADDRESSES);
        assertThat(change.after().profile().addresses().get(0).postal().line1().value()).isEqualTo("9 Elm St");
    }

    @Test
    void theSameAddressIsNoChange() {
        User jane = jane();

        UserChange change = jane.update(UserUpdate.NOTHING.withAddresses(List.of(aHomeAddress().requested())),
                anUpdateContext());

        assertThat(change.isChanged()).isFalse();
        assertThat(change.after().profile().addresses()).isEqualTo(jane.profile().addresses());
    }

    // --- identifying data and KYC

    @Test
    void beforeKycIdentifyingDataCanChange() {
        User jane = aUser().withIdentifyingData(Identities.withSsn("123453675")).build();

        UserChange change = jane.update(UserUpdate.NOTHING.withIdentifyingData(Identities.withSsnSuffix("3675")),
                anUpdateContext());

        assertThat(change.changed()).containsExactly(UserPart.IDENTIFYING_DATA);
        assertThat(change.after().profile().identifyingData()).contains(Identities.withSsnSuffix("3675"));
    }

    @Test
    void afterKycIdentifyingDataCannotChange() {
        User jane = aUser().withIdentifyingData(Identities.withSsn("123453675")).kycCompleted().build();

        assertBreaks(IdentityRule.IMMUTABLE_AFTER_KYC, "identifyingData", () -> jane.update(
                UserUpdate.NOTHING.withIdentifyingData(Identities.withSsn("123453676")), anUpdateContext()));
    }

    @Test
    void afterKycTheSameIdentifyingDataIsAcceptedAsNoChange() {
        User jane = aUser().withIdentifyingData(Identities.withSsn("123453675")).kycCompleted().build();

        UserChange change = jane.update(UserUpdate.NOTHING.withIdentifyingData(Identities.withSsn("123453675")),
                anUpdateContext());

        assertThat(change.isChanged()).isFalse();
    }

    @Test
    void kycCompletesWithIdentifyingDataAndAKycHomeAddress() {
        User ready = aUser().withAddresses(aHomeAddress()).withIdentifyingData(Identities.withSsn("123453675")).build();

        assertThat(ready.completeKyc().profile().kycCompleted()).isTrue();
        assertBreaks(IdentityRule.REQUIRED_FOR_KYC, () -> aUser().withAddresses(aHomeAddress()).build().completeKyc());
        assertBreaks(AddressRule.KYC_HOME_ADDRESS, () -> aUser().withIdentifyingData(Identities.withSsn("123453675"))
                .withAddresses(aHomeAddress().city(null).zipCode(null)).build().completeKyc());
    }

    // --- preference and terms

    @Test
    void peerTransferPreferenceAndTermsAreUpdated() {
        TermsAcceptance daa = new TermsAcceptance("daa", TestClock.NOW, true);

        UserChange change = jane().update(UserUpdate.NOTHING
                .withPeerTransferPreference(PeerTransferPreference.AUTOMATIC)
                .withTermsAcceptances(List.of(daa)), anUpdateContext());

        assertThat(change.changed()).containsExactlyInAnyOrder(UserPart.PEER_TRANSFER_PREFERENCE,
                UserPart.TERMS_ACCEPTANCES);
        assertThat(change.after().profile().peerTransferPreference()).isEqualTo(PeerTransferPreference.AUTOMATIC);
        assertThat(change.after().profile().termsAcceptances()).containsExactly(daa);
        assertThat(jane().update(UserUpdate.NOTHING.withPeerTransferPreference(PeerTransferPreference.MANUAL),
                anUpdateContext()).isChanged()).isFalse();
    }

    @Test
    void onlyAddressesEmailAndPhonesAreContactInfo() {
        assertThat(UserPart.ADDRESSES.isContactInfo()).isTrue();
        assertThat(UserPart.EMAIL.isContactInfo()).isTrue();
        assertThat(UserPart.PHONES.isContactInfo()).isTrue();
        assertThat(UserPart.NAME.isContactInfo()).isFalse();
        assertThat(UserPart.IDENTIFYING_DATA.isContactInfo()).isFalse();
        assertThat(UserPart.PEER_TRANSFER_PREFERENCE.isContactInfo()).isFalse();
        assertThat(UserPart.TERMS_ACCEPTANCES.isContactInfo()).isFalse();
    }

    // --- enrollment

    private static final UserUpdate ENROLLMENT = UserUpdate.NOTHING
            .withName(PersonName.of("Jane", null, "Doe"))
            .withAddresses(List.of(aHomeAddress().requested()))
            .withPhones(List.of(requested(PhoneType.MOBILE, "2125550147", false)))
            .withEmail(new EmailAddress("jane@example.com"));

    @Test
    void anEnrolledUserHasWhatTheEnrollmentGaveUnderItsAccount() {
        AccountId account = AccountId.random();

        UserChange change = User.enroll(UserId.random(), UserBuilder.BANK, new InstitutionCustomerId("c-1"), account,
                ENROLLMENT, updateContext(AccountStatus.PENDING, EmailPolicy.PRODUCTION, Set.of()));

        User user = change.after();
        assertThat(user.accountId()).contains(account);
        assertThat(user.profile().name()).isPresent();
        assertThat(user.phones()).singleElement().extracting(Phone::isDefault).isEqualTo(true);
        assertThat(change.newPhoneNumbers()).containsExactly(new PhoneNumber("2125550147"));
        assertThat(change.changed()).contains(UserPart.NAME, UserPart.ADDRESSES, UserPart.PHONES, UserPart.EMAIL);
    }

    @Test
    void anEnrollmentNeedsANameAndAHomeAddress() {
        UserUpdate noName = new UserUpdate(Optional.empty(), ENROLLMENT.addresses(), Optional.empty(),
                ENROLLMENT.email(), ENROLLMENT.phones(), Optional.empty(), List.of());
        UserUpdate noAddress = ENROLLMENT.withAddresses(List.of());

        assertBreaks(ProfileRule.FIRST_NAME_LENGTH, "firstName", () -> User.enroll(UserId.random(), UserBuilder.BANK,
                new InstitutionCustomerId("c-1"), AccountId.random(), noName, anUpdateContext()));
        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED, "addresses", () -> User.enroll(UserId.random(),
                UserBuilder.BANK, new InstitutionCustomerId("c-1"), AccountId.random(), noAddress, anUpdateContext()));
    }

    // --- certified phone, login id, the original factories

    @Test
    void onlyAMobilePhoneOfTheUserCanBeCertified() {
        UUID challenge = UUID.randomUUID();
        User certified = jane().certifyPhone(MOBILE_ID, TestClock.NOW, challenge);

        assertThat(certified.certifiedPhone()).contains(
                new CertifiedPhone(MOBILE_ID, new PhoneNumber("2125550147"), TestClock.NOW, challenge));
        User jane = jane();
        PhoneId home = jane.phones().get(1).id();
        assertBreaks(ContactRule.CERTIFIED_PHONE_MOBILE, () -> jane.certifyPhone(home, TestClock.NOW, challenge));
        assertBreaks(ContactRule.PHONE_NOT_FOUND, () -> jane().certifyPhone(PhoneId.random(), TestClock.NOW, challenge));
    }

    @Test
    void aUserIsKnownByLoginIdOrEmailInAnyCase() {
        User jane = jane().withLoginId(new LoginId("JaneD"));

        assertThat(jane.isKnownBy("janed")).isTrue();
        assertThat(jane.isKnownBy("JANE@example.com")).isTrue();
        assertThat(jane.isKnownBy("john@example.com")).isFalse();
        assertThat(jane.isKnownBy(null)).isFalse();
        assertThat(aUser().build().isKnownBy("jane@example.com")).isFalse();
    }

    @Test
    void theOriginalFactoriesMakeAUserWithoutProfileOrAccount() {
        Phone home = aPhone().home().build();

        User created = User.create(UserId.random(), UserBuilder.BANK, new InstitutionCustomerId("c-1"),
                List.of(home), Optional.empty());
        User loaded = User.reconstitute(created.id(), created.institutionId(), created.customerId(), List.of(home),
                Optional.empty());

        assertThat(created.phones().get(0).isDefault()).isTrue();
        assertThat(loaded.phones().get(0).isDefault()).isFalse();
        assertThat(created.profile()).isEqualTo(UserProfile.EMPTY);
        assertThat(created.accountId()).isEmpty();
        assertThat(loaded.certifiedPhone()).isEmpty();
        assertThat(created.id().toString()).isEqualTo(created.id().value().toString());
        assertThat(created.contactMethods()).hasSize(1);
        assertThat(created.customerId().value()).isEqualTo("c-1");
    }

    @Test
    void aUserWithAProfileIsCreatedWithItsPhonesSettled() {
        User user = User.create(UserId.random(), UserBuilder.BANK, new InstitutionCustomerId("c-1"),
                Optional.of(AccountId.random()), UserProfile.EMPTY, List.of(aPhone().build()), Optional.empty());

        assertThat(user.phones().get(0).isDefault()).isTrue();
        assertThat(user.accountId()).isPresent();
    }
}
