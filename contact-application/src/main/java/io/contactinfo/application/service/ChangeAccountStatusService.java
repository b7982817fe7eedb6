package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ChangeAccountStatusCommand;
import io.contactinfo.application.port.in.ChangeAccountStatusUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountAction;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Moves an account to the status the caller asks for.
 *
 * <p>The account limits need nothing from here: the limit registry counts as active only accounts that are
 * not closed, reading their status in the same unit of work, so closing frees the account's places at once
 * (lifetime still counts it). The keys are not released: the account's user still has them, and release
 * means the user no longer does. No limit is checked on activating or unlocking either: pending and locked
 * accounts already count as active, and a closed account is never reopened.
 *
 * <p>Activating a pending account is how a program says its KYC passed (seed 002 "If KYC is requested"): each
 * of the account's users must then have identifying data and a home address KYC can use, and their identifying
 * data is immutable from then on ({@link User#completeKyc}).
 */
public final class ChangeAccountStatusService implements ChangeAccountStatusUseCase {

    private final AccountUsers accountUsers;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ChangeAccountStatusService(AccountRepository accounts, UserRepository users, AuditLog auditLog,
                                      UnitOfWork unitOfWork, Clock clock) {
        this.accountUsers = new AccountUsers(accounts, users);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = new AuditTrail(auditLog, clock);
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Account change(ChangeAccountStatusCommand command) {
        CallerContext caller = command.caller();
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        return unitOfWork.transactionally(() -> {
            Account account = accountUsers.account(caller, command.accountId());
            if (account.status() == command.status()) {
                return account; // a repeated PUT of the same status changes nothing
            }
            AccountAction action = action(account.status(), command.status());
            if (action == AccountAction.ACTIVATE) {
                completeKyc(caller, account);
            }
            Account changed = account.apply(action, clock.instant());
            accounts.update(changed);
            audit.record(caller, "account.status.changed", account.id().toString(),
                    List.of(AuditTrail.change("status", Optional.of(name(account.status())), name(changed.status()))));
            return changed;
        });
    }

    private void completeKyc(CallerContext caller, Account account) {
        for (User user : users.findByAccount(caller.institutionId(), account.id())) {
            users.update(user, user.completeKyc());
            audit.record(caller, "user.kyc.completed", user.id().toString(),
                    List.of(AuditTrail.change("kycCompleted", Optional.of("false"), "true")));
        }
    }

    /** The action that takes an account from {@code current} to {@code target}: active is activate or unlock. */
    private static AccountAction action(AccountStatus current, AccountStatus target) {
        return Stream.of(AccountAction.values())
                .filter(action -> action.target() == target && action.allowedFrom(current))
                .findFirst()
                .orElseThrow(() -> new RuleViolation(AccountRule.STATUS_TRANSITION, "status"));
    }

    private static String name(AccountStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
