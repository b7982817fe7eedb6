package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
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
    void givenACustomerAlreadyStored_add_failsAndKeepsTheFirstUser() {
        User first = aUser(bankA, JANE, List.of(), Optional.empty());
        repository().add(first);
        User second = aUser(bankA, JANE,
                List.of(phone("2125550147", PhoneType.MOBILE, true, true, "2024-03-01T10:15:30.123456Z")),
                Optional.of(email("jane@example.com", true, "2024-03-01T10:15:30Z")));

        assertThatThrownBy(() -> repository().add(second)).isInstanceOf(IllegalStateException.class);

        assertThat(repository().findByCustomerId(bankA, JANE)).hasValueSatisfying(found -> assertSameUser(found, first));
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
    }
}
