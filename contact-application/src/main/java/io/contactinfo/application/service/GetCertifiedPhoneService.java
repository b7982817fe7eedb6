package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.GetCertifiedPhoneQuery;
import io.contactinfo.application.port.in.GetCertifiedPhoneUseCase;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.user.CertifiedPhone;

public final class GetCertifiedPhoneService implements GetCertifiedPhoneUseCase {

    private final EntitledCustomers customers;

    public GetCertifiedPhoneService(UserRepository users) {
        this.customers = new EntitledCustomers(users);
    }

    @Override
    public PhoneNumber get(GetCertifiedPhoneQuery query) {
        CallerContext caller = query.caller();
        caller.require(Scope.INSTITUTION_USERS_READ);
        return customers.tokenCustomer(caller)
                .certifiedPhone()
                .map(CertifiedPhone::number)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CERTIFIED_PHONE));
    }
}
