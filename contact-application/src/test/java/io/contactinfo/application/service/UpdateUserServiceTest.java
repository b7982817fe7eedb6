package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.NOW;
import static io.contactinfo.application.service.ContactTestData.assertNoneHolds;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.JANE_EMAIL;
import static io.contactinfo.application.service.UsersApiTestData.JANE_SSN;
import static io.contactinfo.application.service.UsersApiTestData.MOBILE;
import static io.contactinfo.application.service.UsersApiTestData.OTHER_MOBILE;
import static io.contactinfo.application.service.UsersApiTestData.anotherSsn;
import static io.contactinfo.application.service.UsersApiTestData.enroll;
import static io.contactinfo.application.service.UsersApiTestData.enrollService;
import static io.contactinfo.application.service.UsersApiTestData.enrollment;
import static io.contactinfo.application.service.UsersApiTestData.failingOutbox;
import static io.contactinfo.application.service.UsersApiTestData.homeAddress;
import static io.contactinfo.application.service.UsersApiTestData.identity;
import static io.contactinfo.application.service.UsersApiTestData.jane;
import static io.contactinfo.application.service.UsersApiTestData.person;
import static io.contactinfo.application.service.UsersApiTestData.setStatus;
import static io.contactinfo.application.service.UsersApiTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateUserCommand;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.RequestedPhone;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateUserServiceTest {

    private static final EmailAddress NEW_EMAIL = new EmailAddress("jane.new@example.org");
    private static final UserUpdate NEW_MOBILE = UserUpdate.NOTHING
            .withPhones(List.of(new RequestedPhone(OTHER_MOBILE, PhoneType.MOBILE, true)));

    private final InMemoryPorts ports = new InMemoryPorts();
    private final UpdateUserService service = service(ports.outbox());
    private final EnrollResult jane = enroll(ports, BANK_A, jane());
    private final User janeAsEnrolled = stored();
    private final int enrollmentRecords = ports.audit().records().size();

    @Test
    void givenANewEmailAndMobile_update_storesThem_auditsThem_andNotifiesOldAndNewDestinations() {
        User updated = service.update(command(NEW_MOBILE.withEmail(NEW_EMAIL)));

        assertThat(updated.email().orElseThrow().address()).isEqualTo(NEW_EMAIL);
        assertThat(stored().phones()).extracting(Phone::number).containsExactly(OTHER_MOBILE);
        assertThat(newRecords()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("user.updated");
            assertThat(record.target()).contains(jane.userId().toString());
            assertThat(record.changes()).extracting(AuditRecord.Change::field)
                    .containsExactly("email", "phoneNumbers.mobile");
        });
        assertThat(ports.outbox().pending())
                .allSatisfy(n -> {
                    assertThat(n.kind()).isEqualTo(Notification.Kind.CONTACT_CHANGED);
                    assertThat(n.parameters()).isEqualTo(Map.of("changed", "email,phoneNumbers"));
                })
                .extracting(Notification::channel, Notification::destination)
                .containsExactlyInAnyOrder(
                        tuple(Channel.EMAIL, JANE_EMAIL.value()),
                        tuple(Channel.EMAIL, NEW_EMAIL.value()),
                        tuple(Channel.SMS, MOBILE.digits()),
                        tuple(Channel.SMS, OTHER_MOBILE.digits()));
    }

    @Test
    void givenOnlyANewAddress_update_notifiesTheUsualDestination() {
        service.update(command(UserUpdate.NOTHING.withAddresses(List.of(homeAddress("200 Main St")))));

        assertThat(ports.outbox().pending()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(Channel.SMS);
            assertThat(n.destination()).isEqualTo(MOBILE.digits());
            assertThat(n.parameters()).isEqualTo(Map.of("changed", "addresses"));
        });
    }

    @Test
    void givenNothingNew_update_changesNothing_auditsNothing_andNotifiesNoOne() {
        User unchanged = service.update(command(UserUpdate.NOTHING.withEmail(JANE_EMAIL)));

        assertThat(unchanged.email()).isEqualTo(janeAsEnrolled.email());
        assertThat(newRecords()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenAContactVerificationOfTheNewMobile_update_storesItVerified_andUsesTheVerification() {
        ContactVerificationId verification = verification(jane.userId(), OTHER_MOBILE, NOW.plusSeconds(60));

        service.update(command(NEW_MOBILE, verification));

        assertThat(stored().phones()).singleElement().satisfies(p -> assertThat(p.isVerified()).isTrue());
        assertThat(ports.otps().find(BANK_A, verification)).map(ContactVerification::used).contains(true);
    }

    @Test
    void givenNoContactVerification_update_storesTheNewMobileUnverified() {
        service.update(command(NEW_MOBILE));

        assertThat(stored().phones()).singleElement().satisfies(p -> assertThat(p.isVerified()).isFalse());
    }

    @Test
    void givenAUsedContactVerification_update_isRefused() {
        ContactVerificationId verification = verification(jane.userId(), OTHER_MOBILE, NOW.plusSeconds(60));
        service.update(command(NEW_MOBILE, verification));

        assertThatThrownBy(() -> service.update(command(UserUpdate.NOTHING.withEmail(NEW_EMAIL), verification)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.VERIFICATION_USED));
        assertThat(stored().email()).isEqualTo(janeAsEnrolled.email());
    }

    @Test
    void givenAnExpiredContactVerification_update_isRefused_andChangesNothing() {
        ContactVerificationId verification = verification(jane.userId(), OTHER_MOBILE, NOW);

        assertThatThrownBy(() -> service.update(command(NEW_MOBILE, verification)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.VERIFICATION_EXPIRED));
        assertUnchanged();
    }

    @Test
    void givenAnotherUsersContactVerification_update_isNotFound_andChangesNothing() {
        ContactVerificationId verification = verification(UserId.random(), OTHER_MOBILE, NOW.plusSeconds(60));

        assertThatThrownBy(() -> service.update(command(NEW_MOBILE, verification)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CONTACT_VERIFICATION));
        assertUnchanged();
        assertThat(ports.otps().find(BANK_A, verification)).map(ContactVerification::used).contains(false);
    }

    @Test
    void givenAnUnknownContactVerification_update_isNotFound() {
        assertThatThrownBy(() -> service.update(command(NEW_MOBILE, ContactVerificationId.random())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CONTACT_VERIFICATION));
    }

    @Test
    void givenALockedAccount_update_isRefused_andChangesNothing() {
        setStatus(ports, BANK_A, jane.accountId(), AccountStatus.LOCKED);
        int audited = ports.audit().records().size();
        ContactVerificationId verification = verification(jane.userId(), OTHER_MOBILE, NOW.plusSeconds(60));

        assertThatThrownBy(() -> service.update(command(NEW_MOBILE, verification)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AccountRule.LOCKED_NOT_UPDATABLE));
        assertThat(stored().phones()).isEqualTo(janeAsEnrolled.phones());
        assertThat(ports.audit().records()).hasSize(audited);
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.otps().find(BANK_A, verification)).map(ContactVerification::used).contains(false);
    }

    @Test
    void givenAClosedAccount_update_isRefused() {
        setStatus(ports, BANK_A, jane.accountId(), AccountStatus.CLOSED);

        assertThatThrownBy(() -> service.update(command(NEW_MOBILE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AccountRule.CLOSED_NOT_UPDATABLE));
    }

    @Test
    void givenAPendingAccount_update_isApplied() {
        var pending = new EnrollCommand(writer(BANK_A), Optional.empty(), Optional.empty(),
                AccountStatus.PENDING, person(anotherSsn()));
        EnrollResult opened = enrollService(ports).enroll(pending);

        User updated = service.update(new UpdateUserCommand(writer(BANK_A), opened.accountId(), opened.userId(),
                UserUpdate.NOTHING.withEmail(NEW_EMAIL), List.of()));

        assertThat(updated.email().orElseThrow().address()).isEqualTo(NEW_EMAIL);
    }

    @Test
    void givenATokenWithoutTheWriteScope_update_isRefused() {
        var command = new UpdateUserCommand(caller(BANK_A, Scope.INSTITUTION_USERS_READ), jane.accountId(),
                jane.userId(), NEW_MOBILE, List.of());

        assertThatThrownBy(() -> service.update(command)).isInstanceOf(MissingScopeException.class);
        assertUnchanged();
    }

    @Test
    void givenAnAccountOfAnotherInstitution_update_isNotFound() {
        var command = new UpdateUserCommand(writer(BANK_B), jane.accountId(), jane.userId(), NEW_MOBILE, List.of());

        assertThatThrownBy(() -> service.update(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.ACCOUNT));
        assertUnchanged();
    }

    @Test
    void givenAUserOfAnotherAccount_update_isNotFound() {
        AccountId otherAccount = enroll(ports, BANK_A, person(anotherSsn())).accountId();
        var command = new UpdateUserCommand(writer(BANK_A), otherAccount, jane.userId(), NEW_MOBILE, List.of());

        assertThatThrownBy(() -> service.update(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.USER));
    }

    @Test
    void givenAMobileOfTwoActiveAccounts_update_isRefusedByThePhoneActiveLimit_andChangesNothing() {
        enroll(ports, BANK_A, person(anotherSsn(), OTHER_MOBILE));
        enroll(ports, BANK_A, person(anotherSsn(), OTHER_MOBILE));
        int audited = ports.audit().records().size();

        assertThatThrownBy(() -> service.update(command(NEW_MOBILE))).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE));
        assertThat(stored().phones()).isEqualTo(janeAsEnrolled.phones());
        LimitRefusals.assertRecorded(ports.audit(), audited, LimitRule.PHONE_ACTIVE, 2, 2,
                "phoneNumber=(***) ***-0199");
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenAMobileOfTenAccountsEver_update_isRefusedByThePhoneLifetimeLimit() {
        for (int i = 0; i < 10; i++) {
            AccountId closed = enroll(ports, BANK_A, person(anotherSsn(), OTHER_MOBILE)).accountId();
            setStatus(ports, BANK_A, closed, AccountStatus.CLOSED);
        }

        assertThatThrownBy(() -> service.update(command(NEW_MOBILE))).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.rule()).isEqualTo(LimitRule.PHONE_LIFETIME));
        assertThat(stored().phones()).isEqualTo(janeAsEnrolled.phones());
    }

    @Test
    void givenTheSsnOfAnotherActiveAccount_update_isRefusedByTheSsnActiveLimit_andChangesNothing() {
        String taken = anotherSsn();
        enroll(ports, BANK_A, person(taken));

        assertThatThrownBy(() -> service.update(command(UserUpdate.NOTHING.withIdentifyingData(identity(taken)))))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(LimitRule.SSN_ACTIVE));
        assertThat(stored().profile().identifyingData()).isEqualTo(janeAsEnrolled.profile().identifyingData());
    }

    @Test
    void givenANewMobile_update_releasesTheOldNumberFromTheActiveCount() {
        enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
        var third = enrollment(BANK_A, person(anotherSsn(), MOBILE));
        assertThatThrownBy(() -> enrollService(ports).enroll(third)).isInstanceOf(LimitExceeded.class);

        service.update(command(NEW_MOBILE));

        assertThatCode(() -> enrollService(ports).enroll(third)).doesNotThrowAnyException();
    }

    @Test
    void givenANewSsn_update_releasesTheOldSsnFromTheActiveCount() {
        service.update(command(UserUpdate.NOTHING.withIdentifyingData(identity(anotherSsn()))));

        assertThatCode(() -> enroll(ports, BANK_A, person(JANE_SSN))).doesNotThrowAnyException();
    }

    @Test
    void givenAnOutboxThatFails_update_leavesNoChangeNoAuditRecordNoNotification_andTheVerificationUnused() {
        ContactVerificationId verification = verification(jane.userId(), OTHER_MOBILE, NOW.plusSeconds(60));
        UpdateUserService failing = service(failingOutbox(ports));

        assertThatThrownBy(() -> failing.update(command(NEW_MOBILE, verification)))
                .isInstanceOf(IllegalStateException.class);
        assertUnchanged();
        assertThat(ports.otps().find(BANK_A, verification)).map(ContactVerification::used).contains(false);
        // nor was the new number linked: two other accounts can still take it
        assertThatCode(() -> {
            enroll(ports, BANK_A, person(anotherSsn(), OTHER_MOBILE));
            enroll(ports, BANK_A, person(anotherSsn(), OTHER_MOBILE));
        }).doesNotThrowAnyException();
    }

    @Test
    void update_auditsNoFullSsnPhoneNumberOrEmailAddress() {
        String newSsn = anotherSsn();
        service.update(command(NEW_MOBILE.withEmail(NEW_EMAIL).withIdentifyingData(identity(newSsn))));

        assertThat(newRecords()).singleElement().satisfies(record -> assertThat(record.changes())
                .extracting(AuditRecord.Change::field).contains("identifyingData", "email", "phoneNumbers.mobile"));
        assertNoneHolds(ports.audit().records(), JANE_SSN, newSsn, MOBILE.digits(), OTHER_MOBILE.digits(),
                JANE_EMAIL.value(), NEW_EMAIL.value());
    }

    private UpdateUserService service(NotificationOutbox outbox) {
        return new UpdateUserService(ports.accounts(), ports.users(), ports.otps(), ports.institutions(),
                ports.limits(), ports.audit(), outbox, ports.unitOfWork(), EmailPolicy.PRODUCTION, CLOCK);
    }

    private UpdateUserCommand command(UserUpdate update, ContactVerificationId... verifications) {
        return new UpdateUserCommand(writer(BANK_A), jane.accountId(), jane.userId(), update, List.of(verifications));
    }

    private ContactVerificationId verification(UserId user, Destination destination, Instant expiresAt) {
        ContactVerificationId id = ContactVerificationId.random();
        ports.otps().add(BANK_A, new ContactVerification(id, user, destination, NOW.minus(Duration.ofMinutes(1)),
                expiresAt, false));
        return id;
    }

    private User stored() {
        return ports.users().findById(BANK_A, jane.userId()).orElseThrow();
    }

    private List<AuditRecord> newRecords() {
        List<AuditRecord> records = ports.audit().records();
        return records.subList(enrollmentRecords, records.size());
    }

    private void assertUnchanged() {
        User user = stored();
        assertThat(user.phones()).isEqualTo(janeAsEnrolled.phones());
        assertThat(user.email()).isEqualTo(janeAsEnrolled.email());
        assertThat(newRecords()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }
}
