package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ConflictException;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollEachUseCase;
import io.contactinfo.application.port.in.EnrollOutcome;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountAction;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.UpdateContext;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public final class EnrollService implements EnrollEachUseCase {

    private final UserRepository users;
    private final AccountRepository accounts;
    private final AccountLimits limits;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final EmailPolicy emailPolicy;
    private final Clock clock;

    public EnrollService(UserRepository users, AccountRepository accounts, InstitutionRepository institutions,
                         LimitRegistry limits, AuditLog auditLog, UnitOfWork unitOfWork, EmailPolicy emailPolicy,
                         Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = new AuditTrail(auditLog, clock);
        this.limits = new AccountLimits(limits, institutions, audit);
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.emailPolicy = Objects.requireNonNull(emailPolicy, "emailPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public EnrollResult enroll(EnrollCommand command) {
        CallerContext caller = command.caller();
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        InstitutionId institution = caller.institutionId();
        InstitutionCustomerId customerId = command.customerId()
                .orElseGet(() -> new InstitutionCustomerId(UUID.randomUUID().toString()));
        Instant now = clock.instant();
        Account account = open(institution, command.initialStatus(), now);
        UserChange enrollment = User.enroll(UserId.random(), institution, customerId, account.id(), command.user(),
                new UpdateContext(account.status(), emailPolicy, Set.of(), now));
        User user = command.loginId().map(enrollment.after()::withLoginId).orElse(enrollment.after());
        Optional<Ssn> ssn = AccountLimits.ssnOf(user);
        List<PhoneNumber> numbers = user.phones().stream().map(Phone::number).toList();

        return limits.auditingRefusals(unitOfWork, caller, () -> {
            requireUnknown(institution, customerId, command.loginId());
            limits.admit(institution, account.id(), ssn, numbers);
            accounts.add(account);
            add(user);
            limits.link(institution, account.id(), ssn, numbers);
            audit.record(caller, "enrollment.created", account.id().toString(), auditChanges(account, enrollment,
                    command.loginId()));
            return new EnrollResult(account.id(), user.id(), customerId);
        });
    }

    /** Each command in a step of one unit of work: a refused one is undone alone, the rest commit together. */
    @Override
    public List<EnrollOutcome> enrollEach(List<EnrollCommand> commands) {
        return unitOfWork.transactionally(() -> commands.stream().map(this::attempt).toList());
    }

    private EnrollOutcome attempt(EnrollCommand command) {
        try {
            return new EnrollOutcome.Enrolled(unitOfWork.attempt(() -> enroll(command)));
        } catch (AccountLimits.Refused refused) {
            // Its step undone, the record of the refusal with it: recorded again, in the batch's unit of work.
            refused.record();
            return new EnrollOutcome.Refused(refused);
        } catch (MissingScopeException | InvalidCommandException | ConflictException | RuleViolation refused) {
            return new EnrollOutcome.Refused(refused);
        }
    }

    /** A new account, active unless the caller asked for pending (an account is opened pending, then activated). */
    private static Account open(InstitutionId institution, AccountStatus initialStatus, Instant now) {
        Account account = Account.open(AccountId.random(), institution, now);
        return switch (initialStatus) {
            case PENDING -> account;
            case ACTIVE -> account.apply(AccountAction.ACTIVATE, now);
            case LOCKED, CLOSED -> throw new InvalidCommandException("status",
                    "an enrollment opens an active or a pending account");
        };
    }

    /**
     * A login id that already names a customer, by login id or email, would make it name none (SPEC §4.4).
     *
     * @throws ConflictException when the customer id or login id is taken
     */
    private void requireUnknown(InstitutionId institution, InstitutionCustomerId customerId, Optional<LoginId> loginId) {
        if (users.findByCustomerId(institution, customerId).isPresent()) {
            throw new ConflictException(ConflictException.Identifier.CUSTOMER_ID);
        }
        if (loginId.filter(id -> !users.findByLoginIdOrEmail(institution, id.value()).isEmpty()).isPresent()) {
            throw new ConflictException(ConflictException.Identifier.LOGIN_ID);
        }
    }

    /** The repository refuses a customer id taken since {@link #requireUnknown} looked (a concurrent enrollment). */
    private void add(User user) {
        try {
            users.add(user);
        } catch (IllegalStateException taken) {
            throw new ConflictException(ConflictException.Identifier.CUSTOMER_ID);
        }
    }

    private static List<AuditRecord.Change> auditChanges(Account account, UserChange enrollment,
                                                         Optional<LoginId> loginId) {
        List<AuditRecord.Change> changes = new ArrayList<>();
        changes.add(AuditTrail.change("status", Optional.empty(), account.status().name().toLowerCase(Locale.ROOT)));
        changes.add(AuditTrail.change("userIdentifier", Optional.empty(), enrollment.after().id().toString()));
        changes.addAll(UserAuditChanges.of(enrollment));
        loginId.ifPresent(id -> changes.add(UserAuditChanges.changed("loginId")));
        return changes;
    }
}
