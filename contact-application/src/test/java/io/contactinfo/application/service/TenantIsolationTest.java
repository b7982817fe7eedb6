package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ChangeAccountStatusCommand;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusCommand;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.GetCertifiedPhoneQuery;
import io.contactinfo.application.port.in.ListContactMethodsQuery;
import io.contactinfo.application.port.in.ListUsersQuery;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusCommand;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.SendOtpCommand;
import io.contactinfo.application.port.in.SentOtp;
import io.contactinfo.application.port.in.UpdateContactInfoCommand;
import io.contactinfo.application.port.in.UpdateUserCommand;
import io.contactinfo.application.port.in.UpdateUserNameCommand;
import io.contactinfo.application.port.in.VerifyOtpCommand;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserUpdate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation, use case by use case: a caller of institution A, naming institution B's
 * customer, account, user or passcode, gets "not found" — exactly as for one that does not exist —
 * and nothing of B is read, changed, audited or notified.
 */
class TenantIsolationTest {

    private static final Scope[] BOTH = {Scope.INSTITUTION_USERS_READ, Scope.INSTITUTION_USERS_WRITE};

    /** Institution B's customer: an account, a user with phones and email, a soft token and a passcode sent. */
    private record World(InMemoryPorts ports, Services services, EnrollResult jane, User janeBefore,
                         SentOtp otp, ContactMethod mobile) {

        static World create() {
            InMemoryPorts ports = new InMemoryPorts();
            Services services = new Services(ports);
            EnrollResult jane = UsersApiTestData.enroll(ports, BANK_B, UsersApiTestData.jane());
            User user = ports.users().findById(BANK_B, jane.userId()).orElseThrow();
            ports.softTokens().save(BANK_B, SoftToken.preAssign(user.id(), UsersApiTestData.CLOCK.instant()));
            ContactMethod mobile = user.contactMethods().get(0);
            SentOtp otp = services.sendOtp.send(new SendOtpCommand(ContactTestData.callerFor(BANK_B, jane.customerId(),
                    BOTH), jane.customerId(), mobile.id(), OtpPurpose.CONTACT_VERIFICATION));
            return new World(ports, services, jane, ports.users().findById(BANK_B, jane.userId()).orElseThrow(),
                    otp, mobile);
        }

        /** A caller of {@code bank} whose token names Jane's customer id. */
        CallerContext callerOf(InstitutionId bank) {
            return ContactTestData.callerFor(bank, jane.customerId(), BOTH);
        }
    }

    /** Every use case, wired on the in-memory ports. */
    private static final class Services {
        final ListContactMethodsService listContactMethods;
        final UpdateContactInfoService updateContactInfo;
        final SendOtpService sendOtp;
        final VerifyOtpService verifyOtp;
        final GetCertifiedPhoneService certifiedPhone;
        final ListUsersService listUsers;
        final UpdateUserService updateUser;
        final UpdateUserNameService updateUserName;
        final ChangeAccountStatusService changeAccountStatus;
        final ChangeSoftTokenStatusService changeSoftToken;
        final RollBackSoftTokenStatusService rollBackSoftToken;

        Services(InMemoryPorts p) {
            var clock = UsersApiTestData.CLOCK;
            var hasher = new Sha256OtpCodeHasher();
            listContactMethods = new ListContactMethodsService(p.users());
            updateContactInfo = new UpdateContactInfoService(p.users(), p.accounts(), p.institutions(), p.limits(),
                    p.audit(), p.outbox(), p.unitOfWork(), EmailPolicy.PRODUCTION, clock);
            sendOtp = new SendOtpService(p.users(), p.otps(), p.audit(), p.outbox(), p.unitOfWork(),
                    OtpPolicy.DEFAULTS, hasher, clock, new Random(7), DispatchNotificationsUseCase.NONE);
            verifyOtp = new VerifyOtpService(p.users(), p.otps(), p.audit(), p.unitOfWork(), OtpPolicy.DEFAULTS,
                    hasher, clock);
            certifiedPhone = new GetCertifiedPhoneService(p.users());
            listUsers = new ListUsersService(p.accounts(), p.users());
            updateUser = new UpdateUserService(p.accounts(), p.users(), p.otps(), p.institutions(), p.limits(),
                    p.audit(), p.outbox(), p.unitOfWork(), EmailPolicy.PRODUCTION, clock);
            updateUserName = new UpdateUserNameService(p.accounts(), p.users(), p.audit(), p.unitOfWork(), clock);
            changeAccountStatus = new ChangeAccountStatusService(p.accounts(), p.users(), p.audit(), p.unitOfWork(),
                    clock);
            changeSoftToken = new ChangeSoftTokenStatusService(p.users(), p.softTokens(), p.audit(), p.outbox(),
                    p.unitOfWork(), clock);
            rollBackSoftToken = new RollBackSoftTokenStatusService(p.users(), p.softTokens(), p.audit(), p.outbox(),
                    p.unitOfWork(), clock);
        }
    }

    static Stream<Arguments> everyUseCase() {
        EmailAddress other = new EmailAddress("someone.else@example.org");
        return Stream.of(
                useCase("list contact methods", (w, bank) -> w.services.listContactMethods.list(
                        new ListContactMethodsQuery(w.callerOf(bank), w.jane.customerId()))),
                useCase("update contact info by customer id", (w, bank) -> w.services.updateContactInfo.update(
                        new UpdateContactInfoCommand(w.callerOf(bank), UpdateContactInfoCommand.UserIdType.CUSTOMER_ID,
                                w.jane.customerId().value(), Optional.empty(), Optional.of(other), Optional.empty()))),
                useCase("update contact info by login id", (w, bank) -> w.services.updateContactInfo.update(
                        new UpdateContactInfoCommand(ContactTestData.caller(bank, BOTH),
                                UpdateContactInfoCommand.UserIdType.LOGIN_ID, UsersApiTestData.JANE_EMAIL.value(),
                                Optional.empty(), Optional.of(other), Optional.empty()))),
                useCase("send an OTP", (w, bank) -> w.services.sendOtp.send(new SendOtpCommand(w.callerOf(bank),
                        w.jane.customerId(), w.mobile.id(), OtpPurpose.PASSWORD_RESET))),
                useCase("verify an OTP", (w, bank) -> w.services.verifyOtp.verify(new VerifyOtpCommand(w.callerOf(bank),
                        w.jane.customerId(), w.otp.otpId(), new OtpCode("123456")))),
                useCase("get the certified phone", (w, bank) -> w.services.certifiedPhone.get(
                        new GetCertifiedPhoneQuery(w.callerOf(bank)))),
                useCase("list the users of an account", (w, bank) -> w.services.listUsers.list(
                        new ListUsersQuery(w.callerOf(bank), w.jane.accountId()))),
                useCase("update a user", (w, bank) -> w.services.updateUser.update(new UpdateUserCommand(w.callerOf(bank),
                        w.jane.accountId(), w.jane.userId(), UserUpdate.NOTHING.withEmail(other), List.of()))),
                useCase("update a user's name", (w, bank) -> w.services.updateUserName.update(new UpdateUserNameCommand(
                        w.callerOf(bank), w.jane.accountId(), w.jane.userId(), PersonName.of("Eve", null, "Mallory")))),
                useCase("change an account's status", (w, bank) -> w.services.changeAccountStatus.change(
                        new ChangeAccountStatusCommand(w.callerOf(bank), w.jane.accountId(), AccountStatus.LOCKED))),
                useCase("change the soft token's status", (w, bank) -> w.services.changeSoftToken.change(
                        new ChangeSoftTokenStatusCommand(w.callerOf(bank), SoftTokenStatus.ACTIVE))),
                useCase("roll the soft token back", (w, bank) -> w.services.rollBackSoftToken.rollBack(
                        new RollBackSoftTokenStatusCommand(w.callerOf(bank)))));
    }

    private static Arguments useCase(String name, BiConsumer<World, InstitutionId> call) {
        return Arguments.of(name, call);
    }

    /** What {@code call} by a caller of {@code bank} was refused as not found, if it was. */
    private static Optional<NotFoundException.Resource> notFound(BiConsumer<World, InstitutionId> call, World world,
                                                                 InstitutionId bank) {
        try {
            call.accept(world, bank);
            return Optional.empty();
        } catch (NotFoundException e) {
            return Optional.of(e.resource());
        } catch (RuntimeException otherRefusal) {
            return Optional.empty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyUseCase")
    void aCallerOfAnotherInstitutionFindsNothingAndChangesNothing(String name, BiConsumer<World, InstitutionId> call) {
        World world = World.create();
        List<Notification> messagesBefore = world.ports.outbox().pending();
        int auditBefore = world.ports.audit().records().size();
        SoftToken tokenBefore = world.ports.softTokens().find(BANK_B, world.jane.userId()).orElseThrow();
        var challengeBefore = world.ports.otps().find(BANK_B, world.otp.otpId()).orElseThrow();

        assertThatThrownBy(() -> call.accept(world, BANK_A)).as(name).isInstanceOf(NotFoundException.class);

        assertThat(world.ports.users().findById(BANK_B, world.jane.userId())).contains(world.janeBefore);
        assertThat(world.ports.accounts().findById(BANK_B, world.jane.accountId()).orElseThrow().status())
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(world.ports.softTokens().find(BANK_B, world.jane.userId())).contains(tokenBefore);
        assertThat(world.ports.otps().find(BANK_B, world.otp.otpId()).orElseThrow().attempts())
                .isEqualTo(challengeBefore.attempts());
        assertThat(world.ports.audit().records()).hasSize(auditBefore);
        assertThat(world.ports.outbox().pending()).isEqualTo(messagesBefore);
        assertThat(world.ports.users().findByCustomerId(BANK_A, world.jane.customerId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyUseCase")
    void theSameCallByInstitutionBGetsFurther(String name, BiConsumer<World, InstitutionId> call) {
        // Without this control the matrix above could pass because a call can never find anything.
        World world = World.create();
        NotFoundException.Resource refusedToA = notFound(call, world, BANK_A).orElseThrow();

        assertThat(notFound(call, world, BANK_B)).as(name).isNotEqualTo(Optional.of(refusedToA));
    }

    @Test
    void enrollingTheSameCustomerIdInAnotherInstitutionIsNoConflict() {
        World world = World.create();
        InstitutionCustomerId janeOfB = world.jane.customerId();

        EnrollResult inA = UsersApiTestData.enrollService(world.ports).enroll(new EnrollCommand(UsersApiTestData.writer(BANK_A), Optional.of(janeOfB), Optional.empty(),
                AccountStatus.ACTIVE, UsersApiTestData.jane()));

        assertThat(inA.customerId()).isEqualTo(janeOfB);
        assertThat(world.ports.users().findById(BANK_B, world.jane.userId())).contains(world.janeBefore);
    }
}
