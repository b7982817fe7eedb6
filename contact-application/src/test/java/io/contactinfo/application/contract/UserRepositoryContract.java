package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.Address;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.DateOfBirth;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.PeerTransferPreference;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.SsnSuffix;
import io.contactinfo.domain.user.TermsAcceptance;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} does; extend it once per implementation.
 *
 * <p>Each test works in institutions of its own, so an implementation may keep one store for all its tests.
 * Timestamps carry microseconds, the finest precision SQL databases keep.
 */
public abstract class UserRepositoryContract {

    private static final InstitutionCustomerId JANE = new InstitutionCustomerId("c-1001");
    private static final InstitutionCustomerId JOHN = new InstitutionCustomerId("c-1002");
    private static final InstitutionCustomerId JUNE = new InstitutionCustomerId("c-1003");

    protected final InstitutionId bankA = aNewInstitution();
    protected final InstitutionId bankB = aNewInstitution();

    /** The implementation under test. */
    protected abstract UserRepository repository();

    @Test
    void givenAUserWithPhonesAndEmail_add_thenFindReturnsTheSameUser() {
        // Neither sorted by type nor default first, so only a kept list order passes.
        User jane = aUser(bankA, JANE, List.of(
                phone("2125550147", PhoneType.WORK, false, true, "2024-03-01T10:15:30.123456Z"),
                phone("2125550148", PhoneType.MOBILE, true, false, "2024-03-02T11:16:31.654321Z"),
                phone("2125550149", PhoneType.HOME, false, false, "1999-12-31T23:59:59.000001Z")),
                Optional.of(email("Jane.Doe@Example.com", true, "2024-03-03T12:17:32.000500Z")));

        repository().add(jane);

        assertThat(repository().findByCustomerId(bankA, JANE)).hasValueSatisfying(found -> assertSameUser(found, jane));
    }

    @Test
    void givenAUserWithoutPhonesOrEmail_add_thenFindReturnsItWithout() {
        User john = aUser(bankA, JOHN, List.of(), Optional.empty());

        repository().add(john);

        assertThat(repository().findByCustomerId(bankA, JOHN)).hasValueSatisfying(found -> assertSameUser(found, john));
    }

    @Test
    void givenAUserWithPhonesAndEmail_findContacts_returnsThemInTheUsersOrder() {
        User jane = aUser(bankA, JANE, List.of(
                phone("2125550147", PhoneType.WORK, false, true, "2024-03-01T10:15:30.123456Z"),
                phone("2125550148", PhoneType.MOBILE, true, false, "2024-03-02T11:16:31.654321Z"),
                phone("2125550149", PhoneType.HOME, false, false, "1999-12-31T23:59:59.000001Z")),
                Optional.of(email("Jane.Doe@Example.com", true, "2024-03-03T12:17:32.000500Z")));
        repository().add(jane);

        assertThat(repository().findContactsByCustomerId(bankA, JANE)).contains(jane.contacts());
    }

    @Test
    void givenAUserWithAnEmailButNoPhone_findContacts_returnsTheEmailAlone() {
        User john = aUser(bankA, JOHN, List.of(), Optional.of(email("john@example.com", false,
                "2024-03-03T12:17:32Z")));
        repository().add(john);

        assertThat(repository().findContactsByCustomerId(bankA, JOHN)).contains(john.contacts());
    }

    @Test
    void givenAnUnknownCustomerOrAnotherInstitution_findContacts_isEmpty() {
        repository().add(aUser(bankA, JANE, List.of(), Optional.empty()));

        assertThat(repository().findContactsByCustomerId(bankA, JOHN)).isEmpty();
        assertThat(repository().findContactsByCustomerId(bankB, JANE)).isEmpty();
        assertThat(repository().findContactsByCustomerId(bankA, JANE))
                .hasValueSatisfying(contacts -> assertThat(contacts.phones()).isEmpty());
    }

    @Test
    void givenAnUnknownCustomer_find_isEmpty() {
        repository().add(aUser(bankA, JANE, List.of(), Optional.empty()));

        assertThat(repository().findByCustomerId(bankA, JOHN)).isEmpty();
    }

    @Test
    void givenTheCustomerIdOfAnotherInstitution_find_isEmpty() {
        repository().add(aUser(bankA, JANE, List.of(), Optional.empty()));

        assertThat(repository().findByCustomerId(bankB, JANE)).isEmpty();
    }

    @Test
    void givenTheSameCustomerIdInTwoInstitutions_find_returnsEachItsOwn() {
        User janeAtA = aUser(bankA, JANE, List.of(), Optional.empty());
        User janeAtB = aUser(bankB, JANE, List.of(), Optional.empty());

        repository().add(janeAtA);
        repository().add(janeAtB);

        assertThat(repository().findByCustomerId(bankA, JANE)).map(User::id).contains(janeAtA.id());
        assertThat(repository().findByCustomerId(bankB, JANE)).map(User::id).contains(janeAtB.id());
    }

    @Test
    void givenAnInstitutionWithoutUsers_hasUsers_isFalse() {
        repository().add(aUser(bankB, JANE, List.of(), Optional.empty()));

        assertThat(repository().hasUsers(bankA)).isFalse();
    }

    @Test
    void givenAnInstitutionWithAUser_hasUsers_isTrue() {
        repository().add(aUser(bankA, JANE, List.of(), Optional.empty()));

        assertThat(repository().hasUsers(bankA)).isTrue();
    }

    @Test
    void givenALoginIdAlreadyTakenInTheInstitution_add_fails_butAnotherInstitutionMayUseIt() {
        repository().add(aUser(bankA, JANE, List.of(), Optional.empty()).withLoginId(new LoginId("jane.doe")));

        assertThatThrownBy(() -> repository().add(
                aUser(bankA, JOHN, List.of(), Optional.empty()).withLoginId(new LoginId("Jane.Doe"))))
                .isInstanceOf(IllegalStateException.class);
        repository().add(aUser(bankB, JOHN, List.of(), Optional.empty()).withLoginId(new LoginId("jane.doe")));

        assertThat(repository().findByCustomerId(bankA, JOHN)).isEmpty();
        assertThat(repository().findByLoginIdOrEmail(bankB, "jane.doe")).hasSize(1);
    }

    @Test
    void givenACustomerAlreadyStored_add_failsAndKeepsTheFirstUser() {
        User first = aUser(bankA, JANE, List.of(), Optional.empty());
        repository().add(first);
        User second = aUser(bankA, JANE,
                List.of(phone("2125550147", PhoneType.MOBILE, true, true, "2024-03-01T10:15:30.123456Z")),
                Optional.of(email("jane@example.com", true, "2024-03-01T10:15:30Z")));

        assertThatThrownBy(() -> repository().add(second)).isInstanceOf(IllegalStateException.class);

        assertThat(repository().findByCustomerId(bankA, JANE)).hasValueSatisfying(found -> assertSameUser(found, first));
    }

    @Test
    void givenAUserWithAFullProfile_add_thenFindReturnsAllOfIt() {
        User jane = aFullUser(bankA, JANE, AccountId.random());

        repository().add(jane);

        assertThat(repository().findByCustomerId(bankA, JANE)).hasValueSatisfying(found -> assertSameUser(found, jane));
        assertThat(repository().findById(bankA, jane.id())).hasValueSatisfying(found -> assertSameUser(found, jane));
    }

    @Test
    void givenIdentifyingDataWithAnSsnSuffix_add_thenFindReturnsIt() {
        UserProfile profile = aProfile().withIdentifyingData(new IdentifyingData(
                new DateOfBirth(LocalDate.of(1901, 1, 1)), Optional.empty(), Optional.of(new SsnSuffix("0147"))));
        User john = User.create(UserId.random(), bankA, JOHN, Optional.empty(), profile, List.of(), Optional.empty());

        repository().add(john);

        assertThat(repository().findById(bankA, john.id())).hasValueSatisfying(found -> assertSameUser(found, john));
    }

    @Test
    void givenTheIdOfAUserOfAnotherInstitution_findById_isEmpty() {
        User jane = aUser(bankA, JANE, List.of(), Optional.empty());
        repository().add(jane);

        assertThat(repository().findById(bankB, jane.id())).isEmpty();
        assertThat(repository().findById(bankA, UserId.random())).isEmpty();
    }

    @Test
    void givenUsersOfSeveralAccounts_findByAccount_returnsTheAccountsUsersInTheOrderAdded() {
        AccountId account = AccountId.random();
        User second = aFullUser(bankA, JOHN, account);
        User first = aFullUser(bankA, JANE, account);
        repository().add(second);
        repository().add(aFullUser(bankA, JUNE, AccountId.random()));
        repository().add(first);
        repository().add(aUser(bankA, new InstitutionCustomerId("c-1004"), List.of(), Optional.empty()));

        assertThat(repository().findByAccount(bankA, account)).map(User::id).containsExactly(second.id(), first.id());
        assertThat(repository().findByAccount(bankB, account)).isEmpty();
        assertThat(repository().findByAccount(bankA, AccountId.random())).isEmpty();
    }

    @Test
    void givenALoginIdInAnyCase_findByLoginIdOrEmail_returnsItsUser() {
        User jane = aFullUser(bankA, JANE, AccountId.random()).withLoginId(new LoginId("Jane.Doe"));
        repository().add(jane);
        repository().add(aUser(bankA, JOHN, List.of(), Optional.of(email("john@example.com", true,
                "2024-03-01T10:15:30Z"))));

        assertThat(repository().findByLoginIdOrEmail(bankA, "jANE.dOE"))
                .singleElement().satisfies(found -> assertSameUser(found, jane));
        assertThat(repository().findByLoginIdOrEmail(bankB, "jane.doe")).isEmpty();
        assertThat(repository().findByLoginIdOrEmail(bankA, "nobody")).isEmpty();
    }

    @Test
    void givenAnEmailInAnyCase_findByLoginIdOrEmail_returnsEveryUserWithIt() {
        User jane = aUser(bankA, JANE, List.of(), Optional.of(email("Shared@Example.com", true,
                "2024-03-01T10:15:30Z")));
        User john = aUser(bankA, JOHN, List.of(), Optional.of(email("shared@example.COM", false,
                "2024-03-01T10:15:30Z")));
        User june = aUser(bankA, JUNE, List.of(), Optional.empty()).withLoginId(new LoginId("SHARED@example.com"));
        repository().add(jane);
        repository().add(john);
        repository().add(june);
        repository().add(aUser(bankB, JANE, List.of(), Optional.of(email("shared@example.com", true,
                "2024-03-01T10:15:30Z"))));

        assertThat(repository().findByLoginIdOrEmail(bankA, "shared@example.com")).map(User::id)
                .containsExactlyInAnyOrder(jane.id(), john.id(), june.id());
    }

    @Test
    void givenAStoredUser_update_replacesEverythingItHolds() {
        User before = aFullUser(bankA, JANE, AccountId.random());
        repository().add(before);
        UserProfile profile = new UserProfile(Optional.of(PersonName.of("Janet", null, "Roe")),
                List.of(new Address(AddressType.HOME, PostalAddress.of("9 Elm St", null, null, null, "10001", "usa"),
                        true, true, false, Instant.parse("2024-05-01T00:00:00.000001Z"))),
                Optional.of(new IdentifyingData(new DateOfBirth(LocalDate.of(1975, 12, 31)),
                        Optional.of(new Ssn("987654321")), Optional.empty())),
                true, List.of(), PeerTransferPreference.MANUAL, Optional.of(new LoginId("janet")));
        User after = User.reconstitute(before.id(), bankA, JANE, Optional.of(AccountId.random()), profile,
                List.of(phone("3105550100", PhoneType.HOME, true, true, "2024-05-02T00:00:00.000002Z")),
                Optional.empty(), Optional.empty());

        repository().update(after);

        assertThat(repository().findById(bankA, before.id())).hasValueSatisfying(found -> assertSameUser(found, after));
        assertThat(repository().findByLoginIdOrEmail(bankA, "jane.doe@example.com")).isEmpty();
    }

    @Test
    void givenAStoredUser_updateFromWhatWasRead_storesTheChangedUserPartByPart() {
        User stored = aFullUser(bankA, JANE, AccountId.random());
        repository().add(stored);
        User newEmail = User.reconstitute(stored.id(), bankA, JANE, stored.accountId(), stored.profile(),
                stored.phones(), Optional.of(email("janet.roe@example.com", false, "2024-06-01T00:00:00.000003Z")),
                stored.certifiedPhone());
        User newLoginId = newEmail.withLoginId(new LoginId("janet"));
        User newPhones = User.reconstitute(stored.id(), bankA, JANE, stored.accountId(), newLoginId.profile(),
                List.of(phone("3105550100", PhoneType.HOME, true, true, "2024-05-02T00:00:00.000002Z")),
                newLoginId.email(), Optional.empty());

        repository().update(stored, newEmail);
        assertThat(repository().findById(bankA, stored.id()))
                .hasValueSatisfying(found -> assertSameUser(found, newEmail));
        repository().update(newEmail, newLoginId);
        assertThat(repository().findById(bankA, stored.id()))
                .hasValueSatisfying(found -> assertSameUser(found, newLoginId));
        repository().update(newLoginId, newPhones);
        assertThat(repository().findById(bankA, stored.id()))
                .hasValueSatisfying(found -> assertSameUser(found, newPhones));
        assertThat(repository().findByLoginIdOrEmail(bankA, "janet.roe@example.com")).map(User::id)
                .containsExactly(stored.id());
    }

    @Test
    void givenAUserNeverStored_updateFromWhatWasRead_failsEvenWithNothingChanged() {
        User jane = aUser(bankA, JANE, List.of(), Optional.empty());

        assertThatThrownBy(() -> repository().update(jane, jane)).isInstanceOf(IllegalStateException.class);

        assertThat(repository().findById(bankA, jane.id())).isEmpty();
    }

    @Test
    void givenAUserNeverStored_update_fails() {
        User jane = aUser(bankA, JANE, List.of(), Optional.empty());

        assertThatThrownBy(() -> repository().update(jane)).isInstanceOf(IllegalStateException.class);

        assertThat(repository().findById(bankA, jane.id())).isEmpty();
    }

    @Test
    void givenAUserOfAnotherInstitution_update_failsAndChangesNothing() {
        User jane = aUser(bankA, JANE, List.of(), Optional.empty());
        repository().add(jane);
        User elsewhere = User.reconstitute(jane.id(), bankB, JANE, Optional.empty(), aProfile(), List.of(),
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> repository().update(elsewhere)).isInstanceOf(IllegalStateException.class);

        assertThat(repository().findById(bankA, jane.id())).hasValueSatisfying(found -> assertSameUser(found, jane));
    }

    /** A profile with every part filled in; timestamps with microseconds. */
    protected static UserProfile aProfile() {
        return new UserProfile(Optional.of(PersonName.of("Jane", "Q", "Doe")),
                List.of(new Address(AddressType.WORK, PostalAddress.of("200 Main St", "Floor 3", "Pasadena", "CA",
                                "91101", null), false, false, true, Instant.parse("2024-03-04T13:18:33.000007Z")),
                        new Address(AddressType.HOME, PostalAddress.of("1234 E Foothill Blvd", "Ste 000", "Pasadena",
                                "CA", "91107", "USA"), true, true, false, Instant.parse("2024-03-05T14:19:34.123Z"))),
                Optional.of(new IdentifyingData(new DateOfBirth(LocalDate.of(1980, 5, 17)),
                        Optional.of(new Ssn("123456789")), Optional.empty())),
                false,
                List.of(new TermsAcceptance("esign-v2", Instant.parse("2024-03-06T15:20:35.000001Z"), true),
                        new TermsAcceptance("privacy.2024", Instant.parse("2024-03-07T16:21:36Z"), false)),
                PeerTransferPreference.AUTOMATIC, Optional.empty());
    }

    /** A user with a profile, phones, an email, a certified phone, completed KYC and a login id. */
    protected static User aFullUser(InstitutionId institutionId, InstitutionCustomerId customerId,
                                    AccountId accountId) {
        Phone mobile = phone("2125550148", PhoneType.MOBILE, true, true, "2024-03-02T11:16:31.654321Z");
        User user = User.create(UserId.random(), institutionId, customerId, Optional.of(accountId), aProfile(),
                List.of(phone("2125550147", PhoneType.WORK, false, false, "2024-03-01T10:15:30.123456Z"), mobile),
                Optional.of(email("Jane.Doe@Example.com", true, "2024-03-03T12:17:32.000500Z")));
        return user.certifyPhone(mobile.id(), Instant.parse("2024-03-08T17:22:37.000003Z"), UUID.randomUUID())
                .completeKyc()
                .withLoginId(new LoginId("jdoe-" + customerId.value()));
    }

    /** A fresh institution id, unique to the calling test. */
    protected static InstitutionId aNewInstitution() {
        return new InstitutionId("bank-" + UUID.randomUUID());
    }

    protected static User aUser(InstitutionId institutionId, InstitutionCustomerId customerId, List<Phone> phones,
                                Optional<Email> email) {
        return User.create(UserId.random(), institutionId, customerId, phones, email);
    }

    protected static Phone phone(String digits, PhoneType type, boolean isDefault, boolean isVerified,
                                 String lastUpdated) {
        return new Phone(PhoneId.random(), new PhoneNumber(digits), type, isDefault, isVerified,
                Instant.parse(lastUpdated));
    }

    protected static Email email(String address, boolean isVerified, String lastUpdated) {
        return new Email(EmailId.random(), new EmailAddress(address), isVerified, Instant.parse(lastUpdated));
    }

    /** User has no equals: an aggregate is one entity by id; a repository must give back all of its state. */
    protected static void assertSameUser(User actual, User expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.institutionId()).isEqualTo(expected.institutionId());
        assertThat(actual.customerId()).isEqualTo(expected.customerId());
        assertThat(actual.phones()).containsExactlyElementsOf(expected.phones());
        assertThat(actual.email()).isEqualTo(expected.email());
        assertThat(actual.accountId()).isEqualTo(expected.accountId());
        assertThat(actual.profile()).isEqualTo(expected.profile());
        assertThat(actual.certifiedPhone()).isEqualTo(expected.certifiedPhone());
    }
}
