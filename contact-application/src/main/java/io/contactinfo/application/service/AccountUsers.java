package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.util.Objects;

/**
 * Finds the Users API's resources, {@code /accounts/{accountIdentifier}/users/{userIdentifier}}, within the
 * caller's institution: another institution's account or user is not found, exactly like a missing one.
 */
final class AccountUsers {

    private final AccountRepository accounts;
    private final UserRepository users;

    AccountUsers(AccountRepository accounts, UserRepository users) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** @throws NotFoundException ACCOUNT when the caller's institution has no such account */
    Account account(CallerContext caller, AccountId accountId) {
        return accounts.findById(caller.institutionId(), accountId)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.ACCOUNT));
    }

    /** @throws NotFoundException USER when the account has no such user */
    User user(CallerContext caller, Account account, UserId userId) {
        return users.findById(caller.institutionId(), userId)
                .filter(user -> user.accountId().filter(account.id()::equals).isPresent())
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.USER));
    }
}
