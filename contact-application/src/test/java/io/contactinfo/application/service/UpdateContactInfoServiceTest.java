package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.JANE;
import static io.contactinfo.application.service.ContactTestData.JANE_EMAIL;
import static io.contactinfo.application.service.ContactTestData.JANE_HOME;
import static io.contactinfo.application.service.ContactTestData.JANE_MOBILE;
import static io.contactinfo.application.service.ContactTestData.JOHN;
import static io.contactinfo.application.service.ContactTestData.LONG_AGO;
import static io.contactinfo.application.service.ContactTestData.NEW_EMAIL;
import static io.contactinfo.application.service.ContactTestData.NEW_NUMBER;
import static io.contactinfo.application.service.ContactTestData.NOW;
import static io.contactinfo.application.service.ContactTestData.assertNoneHolds;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.ContactTestData.callerFor;
import static io.contactinfo.application.service.ContactTestData.email;
import static io.contactinfo.application.service.ContactTestData.jane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateContactInfoCommand;
import io.contactinfo.application.port.in.UpdateContactInfoCommand.PhoneChange;
import io.contactinfo.application.port.in.UpdateContactInfoCommand.UserIdType;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.limits.LinkedAccounts;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.Address;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.CertifiedPhone;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpdateContactInfoServiceTest {

    private static final CallerContext WRITER = caller(BANK_A, Scope.INSTITUTION_USERS_WRITE);
    private static final PostalAddress NEW_HOME =
            PostalAddress.of("1600 Amphitheatre Pkwy", null, "Mountain View", "CA", "94043", null);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AccountId janesAccount = AccountId.random();
    private final UpdateContactInfoService service = service(ports.outbox(), EmailPolicy.PRODUCTION);

    UpdateContactInfoServiceTest() {
        ports.accounts().add(Account.reconstitute(janesAccount, BANK_A, AccountStatus.ACTIVE, LONG_AGO));
        ports.users().add(jane(BANK_A, Optional.of(janesAccount)));
        ports.limits().link(BANK_A, new LimitKey.Phone(JANE_MOBILE), janesAccount);
        ports.limits().link(BANK_A, new LimitKey.Phone(JANE_HOME), janesAccount);
    }

    @Test
    void givenANewMobileNumber_update_replacesTheNumberKeepingTypeAndDefault() {
        service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER));

        assertThat(stored().phones()).extracting(Phone::number, Phone::type, Phone::isDefault, Phone::isVerified)
                .containsExactly(tuple(NEW_NUMBER, PhoneType.MOBILE, true, false),
                        tuple(JANE_HOME, PhoneType.HOME, false, true));
    }

    @Test
    void givenANewMobileNumber_update_notifiesTheOldAndTheNewNumberBySms() {
        service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER));

        assertThat(ports.outbox().pending())
                .extracting(Notification::kind, Notification::channel, Notification::destination,
                        Notification::parameters)
                .containsExactly(
                        tuple(Notification.Kind.CONTACT_CHANGED, Channel.SMS, JANE_MOBILE.digits(),
                                Map.of("changed", "phoneNumber")),
                        tuple(Notification.Kind.CONTACT_CHANGED, Channel.SMS, NEW_NUMBER.digits(),
                                Map.of("changed", "phoneNumber")));
    }

    @Test
    void givenANewHomeNumber_update_notifiesTheOldAndTheNewNumberByVoice() {
        service.update(phoneChange(WRITER, JANE_HOME, NEW_NUMBER));

        assertThat(ports.outbox().pending()).extracting(Notification::channel, Notification::destination)
                .containsExactly(tuple(Channel.VOICE, JANE_HOME.digits()), tuple(Channel.VOICE, NEW_NUMBER.digits()));
    }

    @Test
    void givenANewNumber_update_linksItToTheAccountAndReleasesTheOldOne() {
        service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER));

        AccountId other = AccountId.random();
        assertThat(ports.limits().lockAndCount(BANK_A, new LimitKey.Phone(NEW_NUMBER), other))
                .isEqualTo(new LinkedAccounts(1, 1));
        assertThat(ports.limits().lockAndCount(BANK_A, new LimitKey.Phone(JANE_MOBILE), other))
                .isEqualTo(new LinkedAccounts(0, 1));
    }

    @Test
    void givenANewNumber_update_auditsTheChangeMaskedWithWhoAndWhy() {
        service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER));

        assertThat(ports.audit().records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("contact-info.updated");
            assertThat(record.institutionId()).isEqualTo(BANK_A);
            assertThat(record.clientId()).isEqualTo("client-7");
            assertThat(record.subject()).isEqualTo("subject-7");
            assertThat(record.correlationId()).isEqualTo(WRITER.correlationId());
            assertThat(record.at()).isEqualTo(NOW);
            assertThat(record.changes()).extracting(AuditRecord.Change::before, AuditRecord.Change::after)
                    .containsExactly(tuple(Optional.of("(***) ***-0147"), Optional.of("(***) ***-0199")));
        });
        assertNoneHolds(ports.audit().records(), JANE_MOBILE.digits(), NEW_NUMBER.digits());
    }

    @Test
    void givenANewNumberThatTwoOpenAccountsHave_update_isRefusedAndNothingIsStoredAuditedOrSent() {
        for (int i = 0; i < 2; i++) {
            AccountId other = AccountId.random();
            ports.accounts().add(Account.reconstitute(other, BANK_A, AccountStatus.ACTIVE, LONG_AGO));
            ports.limits().link(BANK_A, new LimitKey.Phone(NEW_NUMBER), other);
        }
        User before = stored();

        assertThatThrownBy(() -> service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER)))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE);
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.current()).isEqualTo(2);
                });

        assertThat(stored().phones()).isEqualTo(before.phones());
        LimitRefusals.assertRecorded(ports.audit(), 0, LimitRule.PHONE_ACTIVE, 2, 2, "phoneNumber=(***) ***-0199");
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.limits().lockAndCount(BANK_A, new LimitKey.Phone(JANE_MOBILE), AccountId.random()))
                .isEqualTo(new LinkedAccounts(1, 1));
    }

    @Test
    void givenANewNumberThatTenAccountsEverHad_update_isRefusedByTheLifetimeLimit() {
        for (int i = 0; i < 10; i++) {
            AccountId closed = AccountId.random();
            ports.accounts().add(Account.reconstitute(closed, BANK_A, AccountStatus.CLOSED, LONG_AGO));
            ports.limits().link(BANK_A, new LimitKey.Phone(NEW_NUMBER), closed);
        }

        assertThatThrownBy(() -> service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER)))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(LimitRule.PHONE_LIFETIME));
        LimitRefusals.assertRecorded(ports.audit(), 0, LimitRule.PHONE_LIFETIME, 10, 10,
                "phoneNumber=(***) ***-0199");
    }

    @Test
    void givenAnOldNumberTheCustomerDoesNotHave_update_isRefused() {
        assertThatThrownBy(() -> service.update(phoneChange(WRITER, NEW_NUMBER, new PhoneNumber("7185550100"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(ContactRule.PHONE_NOT_FOUND));
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenTheSameNumber_update_changesNothingAndSendsNothing() {
        service.update(phoneChange(WRITER, JANE_MOBILE, JANE_MOBILE));

        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenTheCertifiedPhonesNewNumber_update_removesTheCertification() {
        User jane = stored();
        Phone mobile = jane.phones().get(0);
        ports.users().update(User.reconstitute(jane.id(), BANK_A, JANE, jane.accountId(), jane.profile(),
                jane.phones(), jane.email(), Optional.of(new CertifiedPhone(mobile.id(), JANE_MOBILE, LONG_AGO,
                        UUID.randomUUID()))));

        service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER));

        assertThat(stored().certifiedPhone()).isEmpty();
    }

    @Test
    void givenANewEmail_update_replacesItAndNotifiesTheOldAndTheNewAddress() {
        service.update(emailChange(WRITER, NEW_EMAIL));

        assertThat(stored().email()).map(Email::address).contains(NEW_EMAIL);
        assertThat(ports.outbox().pending())
                .extracting(Notification::channel, Notification::destination, Notification::parameters)
                .containsExactly(tuple(Channel.EMAIL, JANE_EMAIL.value(), Map.of("changed", "email")),
                        tuple(Channel.EMAIL, NEW_EMAIL.value(), Map.of("changed", "email")));
        assertThat(ports.audit().records()).singleElement()
                .satisfies(r -> assertThat(r.changes()).extracting(AuditRecord.Change::after)
                        .containsExactly(Optional.of("j***@example.org")));
        assertNoneHolds(ports.audit().records(), JANE_EMAIL.value(), NEW_EMAIL.value());
    }

    @Test
    void givenAnEmailWithAPlusSign_update_isRefusedInProductionAndAcceptedInSandbox() {
        EmailAddress tagged = new EmailAddress("jane+bank@example.org");

        assertThatThrownBy(() -> service.update(emailChange(WRITER, tagged)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(ContactRule.EMAIL_PLUS_SIGN));
        service(ports.outbox(), EmailPolicy.SANDBOX).update(emailChange(WRITER, tagged));
        assertThat(stored().email()).map(Email::address).contains(tagged);
    }

    @Test
    void givenAPostalAddress_update_storesItAsTheDefaultHomeAddressAndNotifiesTheUsualDestination() {
        service.update(command(WRITER, UserIdType.CUSTOMER_ID, JANE.value(), Optional.empty(), Optional.empty(),
                Optional.of(NEW_HOME)));

        assertThat(stored().profile().addresses()).extracting(Address::type, Address::postal, Address::isDefault)
                .containsExactly(tuple(AddressType.HOME, NEW_HOME, true));
        assertThat(ports.outbox().pending()).extracting(Notification::channel, Notification::destination,
                        Notification::parameters)
                .containsExactly(tuple(Channel.SMS, JANE_MOBILE.digits(), Map.of("changed", "postalAddress")));
        assertNoneHolds(ports.audit().records(), "1600 Amphitheatre");
    }

    @Test
    void givenAPhoneAndAPostalAddress_update_changesBothInOneCallAndSaysSo() {
        service.update(command(WRITER, UserIdType.CUSTOMER_ID, JANE.value(),
                Optional.of(new PhoneChange(JANE_MOBILE, NEW_NUMBER)), Optional.empty(), Optional.of(NEW_HOME)));

        User jane = stored();
        assertThat(jane.phones()).extracting(Phone::number).contains(NEW_NUMBER);
        assertThat(jane.profile().addresses()).extracting(Address::postal).containsExactly(NEW_HOME);
        assertThat(ports.audit().records()).hasSize(1);
        assertThat(ports.outbox().pending()).hasSize(2).allSatisfy(n -> assertThat(n.parameters())
                .isEqualTo(Map.of("changed", "phoneNumber,postalAddress")));
    }

    @Test
    void givenAnEmailTogetherWithAPhone_theCommandIsRefused() {
        assertThatThrownBy(() -> command(WRITER, UserIdType.CUSTOMER_ID, JANE.value(),
                Optional.of(new PhoneChange(JANE_MOBILE, NEW_NUMBER)), Optional.of(NEW_EMAIL), Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> command(WRITER, UserIdType.CUSTOMER_ID, JANE.value(), Optional.empty(),
                Optional.of(NEW_EMAIL), Optional.of(NEW_HOME)))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void givenNothingToChange_theCommandIsRefused() {
        assertThatThrownBy(() -> command(WRITER, UserIdType.CUSTOMER_ID, JANE.value(), Optional.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.field()).isEqualTo("contactInfo"));
    }

    @Test
    void givenATokenWithoutTheWriteScope_update_isRefused() {
        var command = phoneChange(caller(BANK_A, Scope.INSTITUTION_USERS_READ), JANE_MOBILE, NEW_NUMBER);

        assertThatThrownBy(() -> service.update(command)).isInstanceOfSatisfying(MissingScopeException.class,
                e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_WRITE));
        assertThat(ports.audit().records()).isEmpty();
    }

    @Test
    void givenAnUnknownCustomer_update_isNotFound() {
        var command = command(WRITER, UserIdType.CUSTOMER_ID, "c-404",
                Optional.of(new PhoneChange(JANE_MOBILE, NEW_NUMBER)), Optional.empty(), Optional.empty());

        assertCustomerNotFound(command);
    }

    @Test
    void givenACallerOfAnotherInstitution_update_cannotTellTheCustomerExists() {
        assertCustomerNotFound(phoneChange(caller(BANK_B, Scope.INSTITUTION_USERS_WRITE), JANE_MOBILE, NEW_NUMBER));
    }

    @Test
    void givenATokenIssuedForAnotherCustomer_update_isNotFound() {
        assertCustomerNotFound(phoneChange(callerFor(BANK_A, JOHN, Scope.INSTITUTION_USERS_WRITE), JANE_MOBILE,
                NEW_NUMBER));
    }

    @Test
    void givenTheTokensOwnCustomer_update_isAllowed() {
        service.update(phoneChange(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_WRITE), JANE_MOBILE, NEW_NUMBER));

        assertThat(stored().phones()).extracting(Phone::number).contains(NEW_NUMBER);
    }

    @Test
    void givenALoginId_update_findsTheCustomerByItInAnyCase() {
        User jane = stored();
        ports.users().update(jane.withLoginId(new LoginId("JaneD")));

        service.update(command(WRITER, UserIdType.LOGIN_ID, "janed",
                Optional.of(new PhoneChange(JANE_MOBILE, NEW_NUMBER)), Optional.empty(), Optional.empty()));

        assertThat(stored().phones()).extracting(Phone::number).contains(NEW_NUMBER);
    }

    @Test
    void givenAnEmailAsLoginId_update_findsTheCustomerByItsEmail() {
        service.update(command(WRITER, UserIdType.LOGIN_ID, "jane.doe@example.com", Optional.empty(),
                Optional.of(NEW_EMAIL), Optional.empty()));

        assertThat(stored().email()).map(Email::address).contains(NEW_EMAIL);
    }

    @Test
    void givenALoginIdThatMatchesTwoCustomers_update_isNotFoundAndChangesNoOne() {
        ports.users().add(User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(), Optional.of(email(JANE_EMAIL, LONG_AGO))));

        assertCustomerNotFound(command(WRITER, UserIdType.LOGIN_ID, JANE_EMAIL.value(), Optional.empty(),
                Optional.of(NEW_EMAIL), Optional.empty()));
    }

    @Test
    void givenALoginIdThatMatchesNoOne_update_isNotFound() {
        assertCustomerNotFound(command(WRITER, UserIdType.LOGIN_ID, "nobody@example.com", Optional.empty(),
                Optional.of(NEW_EMAIL), Optional.empty()));
    }

    @Test
    void givenALockedAccount_update_isRefused() {
        ports.accounts().update(Account.reconstitute(janesAccount, BANK_A, AccountStatus.LOCKED, LONG_AGO));

        assertThatThrownBy(() -> service.update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AccountRule.LOCKED_NOT_UPDATABLE));
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenAFailureAfterTheChange_update_leavesNoChangeNoAuditRecordAndNoNotification() {
        User before = stored();
        NotificationOutbox broken = notification -> {
            throw new IllegalStateException("outbox unavailable");
        };

        assertThatThrownBy(() -> service(broken, EmailPolicy.PRODUCTION)
                .update(phoneChange(WRITER, JANE_MOBILE, NEW_NUMBER)))
                .hasMessage("outbox unavailable");

        assertThat(stored().phones()).isEqualTo(before.phones());
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.limits().lockAndCount(BANK_A, new LimitKey.Phone(NEW_NUMBER), AccountId.random()))
                .isEqualTo(new LinkedAccounts(0, 0));
    }

    private void assertCustomerNotFound(UpdateContactInfoCommand command) {
        User before = stored();
        assertThatThrownBy(() -> service.update(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
        assertThat(stored().phones()).isEqualTo(before.phones());
        assertThat(stored().email()).isEqualTo(before.email());
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    private UpdateContactInfoService service(NotificationOutbox outbox, EmailPolicy emailPolicy) {
        return new UpdateContactInfoService(ports.users(), ports.accounts(), ports.institutions(), ports.limits(),
                ports.audit(), outbox, ports.unitOfWork(), emailPolicy, clock);
    }

    private User stored() {
        return ports.users().findByCustomerId(BANK_A, JANE).orElseThrow();
    }

    private static UpdateContactInfoCommand phoneChange(CallerContext caller, PhoneNumber from, PhoneNumber to) {
        return command(caller, UserIdType.CUSTOMER_ID, JANE.value(), Optional.of(new PhoneChange(from, to)),
                Optional.empty(), Optional.empty());
    }

    private static UpdateContactInfoCommand emailChange(CallerContext caller, EmailAddress address) {
        return command(caller, UserIdType.CUSTOMER_ID, JANE.value(), Optional.empty(), Optional.of(address),
                Optional.empty());
    }

    private static UpdateContactInfoCommand command(CallerContext caller, UserIdType type, String userId,
                                                    Optional<PhoneChange> phone, Optional<EmailAddress> email,
                                                    Optional<PostalAddress> address) {
        return new UpdateContactInfoCommand(caller, type, userId, phone, email, address);
    }
}
