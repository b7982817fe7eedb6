package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.JANE;
import static io.contactinfo.application.service.ContactTestData.JANE_MOBILE;
import static io.contactinfo.application.service.ContactTestData.LONG_AGO;
import static io.contactinfo.application.service.ContactTestData.NOW;
import static io.contactinfo.application.service.ContactTestData.callerFor;
import static io.contactinfo.application.service.ContactTestData.jane;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.failingAuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusCommand;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.softtoken.DeviceBinding;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenRule;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.user.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RollBackSoftTokenStatusServiceTest {

    private static final RollBackSoftTokenStatusCommand ROLLBACK =
            new RollBackSoftTokenStatusCommand(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_WRITE));

    private final InMemoryPorts ports = new InMemoryPorts();
    private final RollBackSoftTokenStatusService service = service(ports.audit());
    private final User jane = jane(BANK_A, Optional.empty());

    RollBackSoftTokenStatusServiceTest() {
        ports.users().add(jane);
    }

    @ParameterizedTest
    @EnumSource(value = SoftTokenStatus.class, names = {"ACTIVE", "SUSPENDED", "REVOKED"})
    void givenATokenNotPreAssigned_rollBack_returnsItTo64_recordingTheStatusLeft(SoftTokenStatus from) {
        token(from, Optional.empty());

        SoftToken rolledBack = service.rollBack(ROLLBACK);

        assertThat(rolledBack.status()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
        assertThat(rolledBack.status().code()).isEqualTo(64);
        assertThat(rolledBack.previousStatus()).contains(from);
        assertThat(rolledBack.statusChangedAt()).isEqualTo(NOW);
        assertThat(stored()).isSameAs(rolledBack);
        assertThat(ports.audit().records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("soft-token.status.rolled-back");
            assertThat(record.changes()).containsExactly(new AuditRecord.Change("status",
                    Optional.of(String.valueOf(from.code())), Optional.of("64")));
        });
        assertThat(ports.outbox().pending()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notification.Kind.SOFT_TOKEN_CHANGED);
            assertThat(n.channel()).isEqualTo(Channel.SMS);
            assertThat(n.destination()).isEqualTo(JANE_MOBILE.digits());
        });
    }

    @Test
    void givenABoundActiveToken_rollBack_removesTheDeviceBinding() {
        token(SoftTokenStatus.ACTIVE, Optional.of(new DeviceBinding("device-42", LONG_AGO)));

        assertThat(service.rollBack(ROLLBACK).deviceBinding()).isEmpty();
        assertThat(stored().deviceBinding()).isEmpty();
    }

    @Test
    void givenAPreAssignedToken_rollBack_isRefused_andChangesNothing() {
        SoftToken before = token(SoftTokenStatus.PRE_ASSIGNED, Optional.empty());

        assertThatThrownBy(() -> service.rollBack(ROLLBACK)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo(SoftTokenRule.ROLLBACK_FORBIDDEN));
        assertThat(stored()).isSameAs(before);
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenACustomerWithoutASoftToken_rollBack_isNotFound() {
        assertThatThrownBy(() -> service.rollBack(ROLLBACK)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.SOFT_TOKEN));
    }

    @Test
    void givenACallerOfAnotherInstitution_rollBack_isNotFound() {
        token(SoftTokenStatus.REVOKED, Optional.empty());
        var command = new RollBackSoftTokenStatusCommand(callerFor(BANK_B, JANE, Scope.INSTITUTION_USERS_WRITE));

        assertThatThrownBy(() -> service.rollBack(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
        assertThat(stored().status()).isEqualTo(SoftTokenStatus.REVOKED);
    }

    @Test
    void givenATokenWithoutTheWriteScope_rollBack_isRefused() {
        token(SoftTokenStatus.REVOKED, Optional.empty());
        var command = new RollBackSoftTokenStatusCommand(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_READ));

        assertThatThrownBy(() -> service.rollBack(command)).isInstanceOf(MissingScopeException.class);
        assertThat(stored().status()).isEqualTo(SoftTokenStatus.REVOKED);
    }

    @Test
    void givenAnAuditLogThatFails_rollBack_leavesTheStatusNoAuditRecordAndNoNotification() {
        SoftToken before = token(SoftTokenStatus.REVOKED, Optional.empty());

        assertThatThrownBy(() -> service(failingAuditLog(ports)).rollBack(ROLLBACK))
                .isInstanceOf(IllegalStateException.class);
        assertThat(stored()).isSameAs(before);
        assertThat(ports.audit().records()).isEmpty();
        assertThat(ports.outbox().pending()).isEmpty();
    }

    private RollBackSoftTokenStatusService service(AuditLog auditLog) {
        return new RollBackSoftTokenStatusService(ports.users(), ports.softTokens(), auditLog, ports.outbox(),
                ports.unitOfWork(), CLOCK);
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
