package io.contactinfo.application.service;

import io.contactinfo.application.port.in.ListUsersQuery;
import io.contactinfo.application.port.in.ListUsersUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.user.User;
import java.util.List;
import java.util.Objects;

public final class ListUsersService implements ListUsersUseCase {

    private final AccountUsers accountUsers;
    private final UserRepository users;

    public ListUsersService(AccountRepository accounts, UserRepository users) {
        this.accountUsers = new AccountUsers(accounts, users);
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public List<User> list(ListUsersQuery query) {
        query.caller().require(Scope.INSTITUTION_USERS_READ);
        Account account = accountUsers.account(query.caller(), query.accountId());
        return users.findByAccount(query.caller().institutionId(), account.id());
    }
}
