package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateUserNameCommand;
import io.contactinfo.application.port.in.UpdateUserNameUseCase;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.user.UpdateContext;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserUpdate;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

public final class UpdateUserNameService implements UpdateUserNameUseCase {

    /** A name update carries no email address: the policy is never consulted, so the strictest one is given. */
    private static final EmailPolicy NO_EMAIL = EmailPolicy.PRODUCTION;

    private final AccountUsers accountUsers;
    private final UserRepository users;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdateUserNameService(AccountRepository accounts, UserRepository users, AuditLog auditLog,
                                 UnitOfWork unitOfWork, Clock clock) {
        this.accountUsers = new AccountUsers(accounts, users);
        this.users = Objects.requireNonNull(users, "users");
        this.audit = new AuditTrail(auditLog, clock);
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public User update(UpdateUserNameCommand command) {
        CallerContext caller = command.caller();
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        return unitOfWork.transactionally(() -> {
            Account account = accountUsers.account(caller, command.accountId());
            User user = accountUsers.user(caller, account, command.userId());
            UserChange change = user.update(UserUpdate.NOTHING.withName(command.name()),
                    new UpdateContext(account.status(), NO_EMAIL, Set.of(), clock.instant()));
            if (!change.isChanged()) {
                return user;
            }
            users.update(change.before(), change.after());
            audit.record(caller, "user.name.updated", user.id().toString(), UserAuditChanges.of(change));
            return change.after();
        });
    }
}
