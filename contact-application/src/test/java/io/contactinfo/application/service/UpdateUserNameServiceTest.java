package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.anotherSsn;
import static io.contactinfo.application.service.UsersApiTestData.enroll;
import static io.contactinfo.application.service.UsersApiTestData.failingAuditLog;
import static io.contactinfo.application.service.UsersApiTestData.jane;
import static io.contactinfo.application.service.UsersApiTestData.person;
import static io.contactinfo.application.service.UsersApiTestData.setStatus;
import static io.contactinfo.application.service.UsersApiTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateUserNameCommand;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateUserNameServiceTest {

    private static final PersonName MARRIED_NAME = PersonName.of("Jane", "Q", "Smith");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final UpdateUserNameService service = service(ports.audit());
    private final EnrollResult jane = enroll(ports, BANK_A, jane());
    private final int enrollmentRecords = ports.audit().records().size();

    @Test
    void givenANewName_update_storesIt_andAuditsThatTheNameChanged() {
        User updated = service.update(command(MARRIED_NAME));

        assertThat(updated.profile().name()).contains(MARRIED_NAME);
        assertThat(storedName()).contains(MARRIED_NAME);
        assertThat(newRecords()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("user.name.updated");
            assertThat(record.target()).contains(jane.userId().toString());
            assertThat(record.changes()).containsExactly(
                    new AuditRecord.Change("name", Optional.empty(), Optional.empty()));
        });
        assertThat(record().toString()).doesNotContain("Smith");
    }

    @Test
    void givenTheNameTheUserHas_update_changesNothing() {
        service.update(command(PersonName.of("Jane", null, "Doe")));

        assertThat(newRecords()).isEmpty();
    }

    @Test
    void givenALockedAccount_update_isRefused_andChangesNothing() {
        setStatus(ports, BANK_A, jane.accountId(), AccountStatus.LOCKED);
        int audited = ports.audit().records().size();

        assertThatThrownBy(() -> service.update(command(MARRIED_NAME)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AccountRule.LOCKED_NOT_UPDATABLE));
        assertThat(storedName()).contains(PersonName.of("Jane", null, "Doe"));
        assertThat(ports.audit().records()).hasSize(audited);
    }

    @Test
    void givenATokenWithoutTheWriteScope_update_isRefused() {
        var command = new UpdateUserNameCommand(caller(BANK_A, Scope.INSTITUTION_USERS_READ), jane.accountId(),
                jane.userId(), MARRIED_NAME);

        assertThatThrownBy(() -> service.update(command)).isInstanceOf(MissingScopeException.class);
        assertThat(newRecords()).isEmpty();
    }

    @Test
    void givenAnAccountOfAnotherInstitution_update_isNotFound() {
        var command = new UpdateUserNameCommand(writer(BANK_B), jane.accountId(), jane.userId(), MARRIED_NAME);

        assertThatThrownBy(() -> service.update(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.ACCOUNT));
        assertThat(storedName()).contains(PersonName.of("Jane", null, "Doe"));
    }

    @Test
    void givenAUserOfAnotherAccount_update_isNotFound() {
        AccountId otherAccount = enroll(ports, BANK_A, person(anotherSsn())).accountId();
        var command = new UpdateUserNameCommand(writer(BANK_A), otherAccount, jane.userId(), MARRIED_NAME);

        assertThatThrownBy(() -> service.update(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.USER));
    }

    @Test
    void givenAnAuditLogThatFails_update_leavesTheNameAndNoAuditRecord() {
        UpdateUserNameService failing = service(failingAuditLog(ports));

        assertThatThrownBy(() -> failing.update(command(MARRIED_NAME))).isInstanceOf(IllegalStateException.class);
        assertThat(storedName()).contains(PersonName.of("Jane", null, "Doe"));
        assertThat(newRecords()).isEmpty();
    }

    private UpdateUserNameService service(AuditLog auditLog) {
        return new UpdateUserNameService(ports.accounts(), ports.users(), auditLog, ports.unitOfWork(), CLOCK);
    }

    private UpdateUserNameCommand command(PersonName name) {
        return new UpdateUserNameCommand(writer(BANK_A), jane.accountId(), jane.userId(), name);
    }

    private Optional<PersonName> storedName() {
        return ports.users().findById(BANK_A, jane.userId()).orElseThrow().profile().name();
    }

    private AuditRecord record() {
        return newRecords().get(0);
    }

    private List<AuditRecord> newRecords() {
        List<AuditRecord> records = ports.audit().records();
        return records.subList(enrollmentRecords, records.size());
    }
}
