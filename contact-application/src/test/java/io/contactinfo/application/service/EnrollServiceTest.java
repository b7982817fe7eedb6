package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.assertNoneHolds;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.JANE_EMAIL;
import static io.contactinfo.application.service.UsersApiTestData.JANE_SSN;
import static io.contactinfo.application.service.UsersApiTestData.MOBILE;
import static io.contactinfo.application.service.UsersApiTestData.anotherSsn;
import static io.contactinfo.application.service.UsersApiTestData.enroll;
import static io.contactinfo.application.service.UsersApiTestData.enrollService;
import static io.contactinfo.application.service.UsersApiTestData.enrollment;
import static io.contactinfo.application.service.UsersApiTestData.failingAuditLog;
import static io.contactinfo.application.service.UsersApiTestData.jane;
import static io.contactinfo.application.service.UsersApiTestData.person;
import static io.contactinfo.application.service.UsersApiTestData.setStatus;
import static io.contactinfo.application.service.UsersApiTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.ConflictException;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollOutcome;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserUpdate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final EnrollService service = enrollService(ports);

    @Test
    void givenAValidEnrollment_enroll_createsAnActiveAccountAndItsUser() {
        InstitutionCustomerId customerId = new InstitutionCustomerId("c-2001");
        EnrollResult result = service.enroll(new EnrollCommand(writer(BANK_A), Optional.of(customerId),
                Optional.empty(), AccountStatus.ACTIVE, jane()));

        assertThat(result.customerId()).isEqualTo(customerId);
        assertThat(ports.accounts().findById(BANK_A, result.accountId())).map(Account::status)
                .contains(AccountStatus.ACTIVE);
        User user = ports.users().findById(BANK_A, result.userId()).orElseThrow();
        assertThat(user.customerId()).isEqualTo(customerId);
        assertThat(user.accountId()).contains(result.accountId());
        assertThat(user.phones()).singleElement().satisfies(p -> assertThat(p.number()).isEqualTo(MOBILE));
        assertThat(user.email()).map(e -> e.address()).contains(JANE_EMAIL);
        assertThat(ports.audit().records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("enrollment.created");
            assertThat(record.target()).contains(result.accountId().toString());
            assertThat(record.changes()).extracting(AuditRecord.Change::field)
                    .contains("status", "userIdentifier", "name", "email", "phoneNumbers.mobile", "identifyingData");
        });
    }

    @Test
    void givenNoCustomerId_enroll_generatesOne() {
        EnrollResult result = service.enroll(new EnrollCommand(writer(BANK_A), Optional.empty(), Optional.empty(),
                AccountStatus.ACTIVE, jane()));

        assertThat(ports.users().findByCustomerId(BANK_A, result.customerId())).isPresent();
    }

    @Test
    void givenPendingAsInitialStatus_enroll_opensAPendingAccount() {
        EnrollResult result = service.enroll(new EnrollCommand(writer(BANK_A), Optional.empty(), Optional.empty(),
                AccountStatus.PENDING, jane()));

        assertThat(ports.accounts().findById(BANK_A, result.accountId())).map(Account::status)
                .contains(AccountStatus.PENDING);
    }

    @Test
    void givenLockedAsInitialStatus_enroll_isInvalid_andStoresNothing() {
        var command = new EnrollCommand(writer(BANK_A), Optional.empty(), Optional.empty(), AccountStatus.LOCKED,
                jane());

        assertThatThrownBy(() -> service.enroll(command)).isInstanceOf(InvalidCommandException.class);
        assertThat(ports.users().hasUsers(BANK_A)).isFalse();
        assertThat(ports.audit().records()).isEmpty();
    }

    @Test
    void givenALoginId_enroll_storesIt() {
        EnrollResult result = service.enroll(new EnrollCommand(writer(BANK_A), Optional.empty(),
                Optional.of(new LoginId("jane.doe")), AccountStatus.ACTIVE, jane()));

        assertThat(ports.users().findByLoginIdOrEmail(BANK_A, "JANE.DOE")).extracting(User::id)
                .containsExactly(result.userId());
    }

    @Test
    void givenATokenWithoutTheWriteScope_enroll_isRefused() {
        var command = new EnrollCommand(caller(BANK_A, Scope.INSTITUTION_USERS_READ), Optional.empty(),
                Optional.empty(), AccountStatus.ACTIVE, jane());

        assertThatThrownBy(() -> service.enroll(command))
                .isInstanceOfSatisfying(MissingScopeException.class,
                        e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_WRITE));
        assertThat(ports.users().hasUsers(BANK_A)).isFalse();
    }

    @Test
    void givenACustomerIdTakenInTheInstitution_enroll_isAConflict_andStoresNothing() {
        InstitutionCustomerId taken = new InstitutionCustomerId("c-2001");
        service.enroll(new EnrollCommand(writer(BANK_A), Optional.of(taken), Optional.empty(), AccountStatus.ACTIVE,
                person(anotherSsn(), MOBILE)));
        var twin = new EnrollCommand(writer(BANK_A), Optional.of(taken), Optional.empty(), AccountStatus.ACTIVE,
                person(anotherSsn()));

        assertThatThrownBy(() -> service.enroll(twin)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.identifier()).isEqualTo(ConflictException.Identifier.CUSTOMER_ID));
        assertThat(ports.audit().records()).hasSize(1);
    }

    @Test
    void givenACustomerIdTakenInAnotherInstitution_enroll_succeeds() {
        InstitutionCustomerId customerId = new InstitutionCustomerId("c-2001");
        service.enroll(new EnrollCommand(writer(BANK_B), Optional.of(customerId), Optional.empty(),
                AccountStatus.ACTIVE, jane()));

        assertThatCode(() -> service.enroll(new EnrollCommand(writer(BANK_A), Optional.of(customerId),
                Optional.empty(), AccountStatus.ACTIVE, jane()))).doesNotThrowAnyException();
    }

    @Test
    void givenALoginIdThatNamesAnotherCustomer_enroll_isAConflict() {
        enroll(ports, BANK_A, jane());
        var command = new EnrollCommand(writer(BANK_A), Optional.empty(),
                Optional.of(new LoginId(JANE_EMAIL.value())), AccountStatus.ACTIVE, person(anotherSsn()));

        assertThatThrownBy(() -> service.enroll(command)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.identifier()).isEqualTo(ConflictException.Identifier.LOGIN_ID));
    }

    @Test
    void givenAnEmailWithAPlusSign_enroll_isRefusedInProduction_andAllowedInSandbox() {
        UserUpdate plus = jane().withEmail(new EmailAddress("jane+qa@example.com"));
        EnrollService sandbox = new EnrollService(ports.users(), ports.accounts(), ports.institutions(),
                ports.limits(), ports.audit(), ports.unitOfWork(), EmailPolicy.SANDBOX, CLOCK);

        assertThatThrownBy(() -> service.enroll(enrollment(BANK_A, plus)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(ContactRule.EMAIL_PLUS_SIGN));
        assertThatCode(() -> sandbox.enroll(enrollment(BANK_A, plus))).doesNotThrowAnyException();
    }

    @Test
    void givenTheSsnOfAnActiveAccount_enroll_isRefusedByTheSsnActiveLimit_andChangesNothing() {
        enroll(ports, BANK_A, person(JANE_SSN));
        int audited = ports.audit().records().size();
        EnrollCommand refused = enrollment(BANK_A, person(JANE_SSN, MOBILE));

        assertThatThrownBy(() -> service.enroll(refused))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(LimitRule.SSN_ACTIVE);
                    assertThat(e.limit()).isEqualTo(1);
                    assertThat(e.current()).isEqualTo(1);
                });
        assertThat(ports.users().findByCustomerId(BANK_A, refused.customerId().orElseThrow())).isEmpty();
        LimitRefusals.assertRecorded(ports.audit(), audited, LimitRule.SSN_ACTIVE, 1, 1, "ssn=*****6789");
        // the refused enrollment's phone was not linked: two accounts can still take it
        assertThatCode(() -> {
            enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
            enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
        }).doesNotThrowAnyException();
    }

    @Test
    void givenTheSsnOfAnActiveAccountInAnotherInstitution_enroll_succeeds() {
        enroll(ports, BANK_B, person(JANE_SSN));

        assertThatCode(() -> service.enroll(enrollment(BANK_A, person(JANE_SSN)))).doesNotThrowAnyException();
    }

    @Test
    void givenAnSsnOfThreeClosedAccounts_enroll_isRefusedByTheSsnLifetimeLimit() {
        for (int i = 0; i < 3; i++) {
            EnrollResult closed = enroll(ports, BANK_A, person(JANE_SSN));
            setStatus(ports, BANK_A, closed.accountId(), AccountStatus.CLOSED);
        }
        int audited = ports.audit().records().size();

        assertThatThrownBy(() -> service.enroll(enrollment(BANK_A, person(JANE_SSN))))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(LimitRule.SSN_LIFETIME);
                    assertThat(e.current()).isEqualTo(3);
                });
        LimitRefusals.assertRecorded(ports.audit(), audited, LimitRule.SSN_LIFETIME, 3, 3, "ssn=*****6789");
    }

    @Test
    void givenAPhoneOfTwoActiveAccounts_enroll_isRefusedByThePhoneActiveLimit_andChangesNothing() {
        enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
        enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
        String ssn = anotherSsn();
        int audited = ports.audit().records().size();

        assertThatThrownBy(() -> service.enroll(enrollment(BANK_A, person(ssn, MOBILE))))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE);
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.current()).isEqualTo(2);
                });
        LimitRefusals.assertRecorded(ports.audit(), audited, LimitRule.PHONE_ACTIVE, 2, 2,
                "phoneNumber=(***) ***-0147");
        // the refused enrollment's SSN was not linked
        assertThatCode(() -> enroll(ports, BANK_A, person(ssn))).doesNotThrowAnyException();
    }

    @Test
    void givenAPhoneOfTenAccountsEver_enroll_isRefusedByThePhoneLifetimeLimit() {
        for (int i = 0; i < 10; i++) {
            EnrollResult closed = enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
            setStatus(ports, BANK_A, closed.accountId(), AccountStatus.CLOSED);
        }

        assertThatThrownBy(() -> service.enroll(enrollment(BANK_A, person(anotherSsn(), MOBILE))))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(LimitRule.PHONE_LIFETIME);
                    assertThat(e.limit()).isEqualTo(10);
                    assertThat(e.current()).isEqualTo(10);
                });
    }

    @Test
    void givenAnInstitutionWithItsOwnLimits_enroll_countsAgainstThem() {
        ports.institutions().configure(new Institution(BANK_A, new LimitSettings(1, 3, 1, 10)));
        enroll(ports, BANK_A, person(anotherSsn(), MOBILE));

        assertThatThrownBy(() -> service.enroll(enrollment(BANK_A, person(anotherSsn(), MOBILE))))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE));
    }

    @Test
    void givenARowALimitRefuses_enrollEach_recordsTheRefusalOnceBesideTheOthersEnrollments() {
        List<EnrollCommand> samePhone = List.of(enrollment(BANK_A, person(anotherSsn(), MOBILE)),
                enrollment(BANK_A, person(anotherSsn(), MOBILE)), enrollment(BANK_A, person(anotherSsn(), MOBILE)));

        List<EnrollOutcome> outcomes = service.enrollEach(samePhone);

        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Enrolled", "Enrolled", "Refused");
        assertThat(ports.audit().records()).extracting(AuditRecord::action)
                .containsExactly("enrollment.created", "enrollment.created", AccountLimits.REFUSED);
        LimitRefusals.assertRecorded(ports.audit(), 2, LimitRule.PHONE_ACTIVE, 2, 2, "phoneNumber=(***) ***-0147");
    }

    @Test
    void givenARefusedCommandAmongOthers_enrollEach_refusesItAloneAndEnrollsTheOthers() {
        InstitutionCustomerId taken = new InstitutionCustomerId("c-1");
        var first = new EnrollCommand(writer(BANK_A), Optional.of(taken), Optional.empty(), AccountStatus.ACTIVE,
                jane());
        var sameCustomer = new EnrollCommand(writer(BANK_A), Optional.of(taken), Optional.empty(),
                AccountStatus.ACTIVE, person(anotherSsn()));
        var other = new EnrollCommand(writer(BANK_A), Optional.of(new InstitutionCustomerId("c-3")), Optional.empty(),
                AccountStatus.ACTIVE, person(anotherSsn()));

        List<EnrollOutcome> outcomes = service.enrollEach(List.of(first, sameCustomer, other));

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(EnrollOutcome.Enrolled.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(EnrollOutcome.Refused.class,
                refused -> assertThat(refused.refusal()).isInstanceOf(ConflictException.class));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(EnrollOutcome.Enrolled.class,
                enrolled -> assertThat(ports.users().findById(BANK_A, enrolled.result().userId())).isPresent());
        assertThat(ports.audit().records()).hasSize(2);
    }

    @Test
    void givenAnAuditLogThatFails_enrollEach_enrollsNoneOfTheCommands() {
        EnrollService failing = enrollService(ports, failingAuditLog(ports));

        assertThatThrownBy(() -> failing.enrollEach(List.of(enrollment(BANK_A, jane()))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ports.users().hasUsers(BANK_A)).isFalse();
        assertThat(ports.audit().records()).isEmpty();
    }

    @Test
    void givenAnAuditLogThatFails_enroll_leavesNoAccountUserLinkOrAuditRecord() {
        EnrollService failing = enrollService(ports, failingAuditLog(ports));

        assertThatThrownBy(() -> failing.enroll(enrollment(BANK_A, jane()))).isInstanceOf(IllegalStateException.class);
        assertThat(ports.users().hasUsers(BANK_A)).isFalse();
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
        // no link survived: the SSN's one active place is still free
        assertThatCode(() -> service.enroll(enrollment(BANK_A, jane()))).doesNotThrowAnyException();
    }

    @Test
    void enroll_auditsNoFullSsnPhoneNumberOrEmailAddress() {
        service.enroll(enrollment(BANK_A, jane()));

        assertNoneHolds(ports.audit().records(), JANE_SSN, MOBILE.digits(), JANE_EMAIL.value());
    }
}
