package io.contactinfo.application.service;

import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.ListContactMethodsQuery;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.ContactMethod;
import java.util.List;
import java.util.Objects;

public final class ListContactMethodsService implements ListContactMethodsUseCase {

    private final UserRepository users;

    public ListContactMethodsService(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public List<ContactMethod> list(ListContactMethodsQuery query) {
        query.caller().require(Scope.INSTITUTION_USERS_READ);
        return users.findByCustomerId(query.caller().institutionId(), query.customerId())
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CUSTOMER))
                .contactMethods();
    }
}
