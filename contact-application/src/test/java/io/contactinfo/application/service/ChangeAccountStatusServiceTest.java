package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.MOBILE;
import static io.contactinfo.application.service.UsersApiTestData.anotherSsn;
import static io.contactinfo.application.service.UsersApiTestData.enroll;
import static io.contactinfo.application.service.UsersApiTestData.enrollService;
import static io.contactinfo.application.service.UsersApiTestData.enrollment;
import static io.contactinfo.application.service.UsersApiTestData.failingAuditLog;
import static io.contactinfo.application.service.UsersApiTestData.homeAddress;
import static io.contactinfo.application.service.UsersApiTestData.identity;
import static io.contactinfo.application.service.UsersApiTestData.person;
import static io.contactinfo.application.service.UsersApiTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.ChangeAccountStatusCommand;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateUserCommand;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.AddressRule;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.IdentityRule;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.RequestedAddress;
import io.contactinfo.domain.user.UserUpdate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeAccountStatusServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final ChangeAccountStatusService service = new ChangeAccountStatusService(ports.accounts(),
            ports.users(), ports.audit(), ports.unitOfWork(), CLOCK);
    private final AccountId account = enroll(ports, BANK_A, person(anotherSsn(), MOBILE)).accountId();
    private final int enrollmentRecords = ports.audit().records().size();

    @Test
    void givenAnActiveAccount_lock_locksIt_andAuditsBothStatuses() {
        Account locked = service.change(command(account, AccountStatus.LOCKED));

        assertThat(locked.status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(status(account)).isEqualTo(AccountStatus.LOCKED);
        assertThat(newRecords()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("account.status.changed");
            assertThat(record.target()).contains(account.toString());
            assertThat(record.changes()).containsExactly(
                    new AuditRecord.Change("status", Optional.of("active"), Optional.of("locked")));
        });
    }

    @Test
    void givenALockedAccount_active_unlocksIt() {
        service.change(command(account, AccountStatus.LOCKED));

        assertThat(service.change(command(account, AccountStatus.ACTIVE)).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void givenAPendingAccount_active_activatesIt() {
        EnrollCommand pending = new EnrollCommand(writer(BANK_A), Optional.empty(), Optional.empty(),
                AccountStatus.PENDING, person(anotherSsn()));
        AccountId opened = enrollService(ports).enroll(pending).accountId();

        service.change(command(opened, AccountStatus.ACTIVE));

        assertThat(status(opened)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void givenAPendingAccount_active_completesKycOfItsUser_whoseIdentifyingDataIsThenImmutable() {
        EnrollResult opened = enrollService(ports).enroll(new EnrollCommand(writer(BANK_A), Optional.empty(),
                Optional.empty(), AccountStatus.PENDING, person(anotherSsn())));

        service.change(command(opened.accountId(), AccountStatus.ACTIVE));

        assertThat(ports.users().findById(BANK_A, opened.userId()).orElseThrow().profile().kycCompleted()).isTrue();
        assertThat(newRecords()).extracting(AuditRecord::action)
                .endsWith("user.kyc.completed", "account.status.changed");
        UpdateUserService updates = new UpdateUserService(ports.accounts(), ports.users(), ports.otps(),
                ports.institutions(), ports.limits(), ports.audit(), ports.outbox(), ports.unitOfWork(),
                EmailPolicy.PRODUCTION, CLOCK);
        assertThatThrownBy(() -> updates.update(new UpdateUserCommand(writer(BANK_A), opened.accountId(),
                opened.userId(), UserUpdate.NOTHING.withIdentifyingData(identity(anotherSsn())), List.of())))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(IdentityRule.IMMUTABLE_AFTER_KYC));
    }

    @Test
    void givenAPendingAccountWhoseUserHasNoIdentifyingData_active_isRefusedForKyc_andChangesNothing() {
        UserUpdate withoutIdentity = UserUpdate.NOTHING.withName(PersonName.of("Jane", null, "Doe"))
                .withAddresses(List.of(homeAddress("1234 E Foothill Blvd")));
        EnrollResult opened = enrollService(ports).enroll(new EnrollCommand(writer(BANK_A), Optional.empty(),
                Optional.empty(), AccountStatus.PENDING, withoutIdentity));

        assertThatThrownBy(() -> service.change(command(opened.accountId(), AccountStatus.ACTIVE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(IdentityRule.REQUIRED_FOR_KYC));

        assertThat(status(opened.accountId())).isEqualTo(AccountStatus.PENDING);
        assertThat(ports.users().findById(BANK_A, opened.userId()).orElseThrow().profile().kycCompleted())
                .isFalse();
    }

    @Test
    void givenAPendingAccountWhoseHomeAddressKycCannotUse_active_isRefusedForKyc() {
        UserUpdate noCityNorZip = person(anotherSsn()).withAddresses(List.of(new RequestedAddress(AddressType.HOME,
                PostalAddress.of("1234 E Foothill Blvd", null, null, "CA", null, null), true)));
        EnrollResult opened = enrollService(ports).enroll(new EnrollCommand(writer(BANK_A), Optional.empty(),
                Optional.empty(), AccountStatus.PENDING, noCityNorZip));

        assertThatThrownBy(() -> service.change(command(opened.accountId(), AccountStatus.ACTIVE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(AddressRule.KYC_HOME_ADDRESS));
        assertThat(status(opened.accountId())).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void givenAPendingAccount_locked_isAForbiddenTransition() {
        EnrollCommand pending = new EnrollCommand(writer(BANK_A), Optional.empty(), Optional.empty(),
                AccountStatus.PENDING, person(anotherSsn()));
        AccountId opened = enrollService(ports).enroll(pending).accountId();

        assertThatThrownBy(() -> service.change(command(opened, AccountStatus.LOCKED)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AccountRule.STATUS_TRANSITION));
    }

    @Test
    void givenAClosedAccount_active_isAForbiddenTransition_andChangesNothing() {
        service.change(command(account, AccountStatus.CLOSED));
        int audited = ports.audit().records().size();

        assertThatThrownBy(() -> service.change(command(account, AccountStatus.ACTIVE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AccountRule.STATUS_TRANSITION));
        assertThat(status(account)).isEqualTo(AccountStatus.CLOSED);
        assertThat(ports.audit().records()).hasSize(audited);
    }

    @Test
    void givenTheStatusTheAccountHas_change_changesNothing() {
        Account unchanged = service.change(command(account, AccountStatus.ACTIVE));

        assertThat(unchanged.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(newRecords()).isEmpty();
    }

    @Test
    void givenTwoActiveAccountsOnAPhone_closingOne_freesAPlaceForAThird() {
        enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
        EnrollCommand third = enrollment(BANK_A, person(anotherSsn(), MOBILE));
        assertThatThrownBy(() -> enrollService(ports).enroll(third)).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE));

        service.change(command(account, AccountStatus.CLOSED));

        assertThatCode(() -> enrollService(ports).enroll(third)).doesNotThrowAnyException();
    }

    @Test
    void givenTwoAccountsOnAPhoneOneLocked_aThird_isStillRefused() {
        enroll(ports, BANK_A, person(anotherSsn(), MOBILE));
        service.change(command(account, AccountStatus.LOCKED));

        assertThatThrownBy(() -> enrollService(ports).enroll(enrollment(BANK_A, person(anotherSsn(), MOBILE))))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE));
    }

    @Test
    void givenATokenWithoutTheWriteScope_change_isRefused() {
        var command = new ChangeAccountStatusCommand(caller(BANK_A, Scope.INSTITUTION_USERS_READ), account,
                AccountStatus.LOCKED);

        assertThatThrownBy(() -> service.change(command)).isInstanceOf(MissingScopeException.class);
        assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void givenAnAccountOfAnotherInstitution_change_isNotFound() {
        var command = new ChangeAccountStatusCommand(writer(BANK_B), account, AccountStatus.CLOSED);

        assertThatThrownBy(() -> service.change(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.ACCOUNT));
        assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void givenAnUnknownAccount_change_isNotFound() {
        assertThatThrownBy(() -> service.change(command(AccountId.random(), AccountStatus.CLOSED)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.ACCOUNT));
    }

    @Test
    void givenAnAuditLogThatFails_change_leavesTheStatusAndNoAuditRecord() {
        var failing = new ChangeAccountStatusService(ports.accounts(), ports.users(), failingAuditLog(ports),
                ports.unitOfWork(), CLOCK);

        assertThatThrownBy(() -> failing.change(command(account, AccountStatus.CLOSED)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(newRecords()).isEmpty();
    }

    private static ChangeAccountStatusCommand command(AccountId account, AccountStatus status) {
        return new ChangeAccountStatusCommand(writer(BANK_A), account, status);
    }

    private AccountStatus status(AccountId id) {
        return ports.accounts().findById(BANK_A, id).orElseThrow().status();
    }

    private List<AuditRecord> newRecords() {
        return ports.audit().records().subList(enrollmentRecords, ports.audit().records().size());
    }
}
