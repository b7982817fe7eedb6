package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.JANE;
import static io.contactinfo.application.service.ContactTestData.JANE_EMAIL;
import static io.contactinfo.application.service.ContactTestData.JANE_HOME;
import static io.contactinfo.application.service.ContactTestData.JANE_MOBILE;
import static io.contactinfo.application.service.ContactTestData.JOHN;
import static io.contactinfo.application.service.ContactTestData.LONG_AGO;
import static io.contactinfo.application.service.ContactTestData.assertNoneHolds;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.ContactTestData.callerFor;
import static io.contactinfo.application.service.ContactTestData.email;
import static io.contactinfo.application.service.ContactTestData.jane;
import static io.contactinfo.application.service.ContactTestData.phone;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.failingOutbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusCommand;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.softtoken.DeviceBinding;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenRule;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeSoftTokenStatusServiceTest {

    private static final DeviceBinding PHONE_OF_JANE = new DeviceBinding("device-42", LONG_AGO);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final ChangeSoftTokenStatusService service = service(ports.outbox());
    private final User jane = jane(BANK_A, Optional.empty());

    ChangeSoftTokenStatusServiceTest() {
        ports.users().add(jane);
    }

    @Test
    void givenAPreAssignedToken_active_activatesIt_auditsBothStatuses_andTextsTheDefaultMobile() {
        token(SoftTokenStatus.PRE_ASSIGNED, Optional.empty());

        SoftToken changed = service.change(command(SoftTokenStatus.ACTIVE));

        assertThat(changed.status()).isEqualTo(SoftTokenStatus.ACTIVE);
        assertThat(changed.previousStatus()).contains(SoftTokenStatus.PRE_ASSIGNED);
        assertThat(stored().status()).isEqualTo(SoftTokenStatus.ACTIVE);
        assertThat(ports.audit().records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("soft-token.status.changed");
            assertThat(record.target()).contains(jane.id().toString());
            assertThat(record.changes()).containsExactly(
                    new AuditRecord.Change("status", Optional.of("64"), Optional.of("65")));
        });
        assertThat(ports.outbox().pending()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notification.Kind.SOFT_TOKEN_CHANGED);
            assertThat(n.channel()).isEqualTo(Channel.SMS);
            assertThat(n.destination()).isEqualTo(JANE_MOBILE.digits());
            assertThat(n.parameters()).containsEntry("statusCode", "65");
        });
        assertNoneHolds(ports.audit().records(), JANE_MOBILE.digits(), JANE_EMAIL.value());
    }

    @Test
    void givenAnActiveToken_suspended_keepsItsDeviceBinding() {
        token(SoftTokenStatus.ACTIVE, Optional.of(PHONE_OF_JANE));

        assertThat(service.change(command(SoftTokenStatus.SUSPENDED)).deviceBinding()).contains(PHONE_OF_JANE);
    }

    @Test
    void givenAnActiveToken_revoked_removesItsDeviceBinding_andAuditsTheRemoval() {
        token(SoftTokenStatus.ACTIVE, Optional.of(PHONE_OF_JANE));

        service.change(command(SoftTokenStatus.REVOKED));

        assertThat(stored().deviceBinding()).isEmpty();
        assertThat(ports.audit().records()).singleElement().satisfies(record -> assertThat(record.changes())
                .containsExactly(new AuditRecord.Change("status", Optional.of("65"), Optional.of("67")),
                        new AuditRecord.Change("deviceBinding", Optional.of("bound"), Optional.of("removed"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"REVOKED, ACTIVE", "PRE_ASSIGNED, SUSPENDED", "ACTIVE, PRE_ASSIGNED", "ACTIVE, ACTIVE",
            "SUSPENDED, SUSPENDED"})
    void givenAForbiddenTransition_change_isRefused_andChangesNothing(SoftTokenStatus from, SoftTokenStatus to) {
        SoftToken before = token(from, Optional.empty());

        assertThatThrownBy(() -> service.change(command(to))).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo(SoftTokenRule.TRANSITION_FORBIDDEN));
        assertThat(stored()).isSameAs(before);
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenACustomerWhoseDefaultPhoneIsNoMobile_change_notifiesTheEmail() {
        User john = User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(JANE_HOME, PhoneType.HOME, true, LONG_AGO)), Optional.of(email(JANE_EMAIL, LONG_AGO)));
        ports.users().add(john);
        ports.softTokens().save(BANK_A, SoftToken.preAssign(john.id(), LONG_AGO));

        service.change(new ChangeSoftTokenStatusCommand(callerFor(BANK_A, JOHN, Scope.INSTITUTION_USERS_WRITE),
                SoftTokenStatus.ACTIVE));

        assertThat(ports.outbox().pending()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(Channel.EMAIL);
            assertThat(n.destination()).isEqualTo(JANE_EMAIL.value());
        });
    }

    @Test
    void givenACustomerWithoutASoftToken_change_isNotFound() {
        assertThatThrownBy(() -> service.change(command(SoftTokenStatus.ACTIVE)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.SOFT_TOKEN));
    }

    @Test
    void givenATokenWithoutACustomer_change_isNotFound() {
        token(SoftTokenStatus.PRE_ASSIGNED, Optional.empty());
        var command = new ChangeSoftTokenStatusCommand(caller(BANK_A, Scope.INSTITUTION_USERS_WRITE),
                SoftTokenStatus.ACTIVE);

        assertThatThrownBy(() -> service.change(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
    }

    @Test
    void givenACallerOfAnotherInstitution_change_isNotFound_andChangesNothing() {
        SoftToken before = token(SoftTokenStatus.PRE_ASSIGNED, Optional.empty());
        var command = new ChangeSoftTokenStatusCommand(callerFor(BANK_B, JANE, Scope.INSTITUTION_USERS_WRITE),
                SoftTokenStatus.ACTIVE);

        assertThatThrownBy(() -> service.change(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
        assertThat(stored()).isSameAs(before);
    }

    @Test
    void givenATokenWithoutTheWriteScope_change_isRefused() {
        SoftToken before = token(SoftTokenStatus.PRE_ASSIGNED, Optional.empty());
        var command = new ChangeSoftTokenStatusCommand(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_READ),
                SoftTokenStatus.ACTIVE);

        assertThatThrownBy(() -> service.change(command)).isInstanceOf(MissingScopeException.class);
        assertThat(stored()).isSameAs(before);
    }

    @Test
    void givenAnOutboxThatFails_change_leavesTheStatusNoAuditRecordAndNoNotification() {
        SoftToken before = token(SoftTokenStatus.PRE_ASSIGNED, Optional.empty());

        assertThatThrownBy(() -> service(failingOutbox(ports)).change(command(SoftTokenStatus.ACTIVE)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(stored()).isSameAs(before);
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    private ChangeSoftTokenStatusService service(NotificationOutbox outbox) {
        return new ChangeSoftTokenStatusService(ports.users(), ports.softTokens(), ports.audit(), outbox,
                ports.unitOfWork(), CLOCK);
    }

    private static ChangeSoftTokenStatusCommand command(SoftTokenStatus status) {
        return new ChangeSoftTokenStatusCommand(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_WRITE), status);
    }

    private SoftToken token(SoftTokenStatus status, Optional<DeviceBinding> binding) {
        SoftToken token = SoftToken.reconstitute(jane.id(), status, Optional.empty(), binding, LONG_AGO);
        ports.softTokens().save(BANK_A, token);
        return token;
    }

    private SoftToken stored() {
        return ports.softTokens().find(BANK_A, jane.id()).orElseThrow();
    }
}
