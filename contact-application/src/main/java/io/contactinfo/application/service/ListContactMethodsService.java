package io.contactinfo.application.service;

import io.contactinfo.application.port.in.ListContactMethodsQuery;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.ContactMethod;
import java.util.List;

public final class ListContactMethodsService implements ListContactMethodsUseCase {

    private final EntitledCustomers customers;

    public ListContactMethodsService(UserRepository users) {
        this.customers = new EntitledCustomers(users);
    }

    @Override
    public List<ContactMethod> list(ListContactMethodsQuery query) {
        query.caller().require(Scope.INSTITUTION_USERS_READ);
        // Only the token's own customer when it names one: an embedder calling without HTTP gets the same
        // protection the Contact Info API's UXU_10011 gives.
        return customers.contactsByCustomerId(query.caller(), query.customerId()).contactMethods();
    }
}
