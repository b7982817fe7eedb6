package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.JANE;
import static io.contactinfo.application.service.ContactTestData.JANE_MOBILE;
import static io.contactinfo.application.service.ContactTestData.JOHN;
import static io.contactinfo.application.service.ContactTestData.LONG_AGO;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.ContactTestData.callerFor;
import static io.contactinfo.application.service.ContactTestData.jane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryUserRepository;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.GetCertifiedPhoneQuery;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.domain.user.CertifiedPhone;
import io.contactinfo.domain.user.User;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GetCertifiedPhoneServiceTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final GetCertifiedPhoneService service = new GetCertifiedPhoneService(users);

    @Test
    void givenACertifiedMobile_get_returnsItsNumber() {
        users.add(certified(jane(BANK_A, Optional.empty())));

        assertThat(service.get(query(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_READ)))).isEqualTo(JANE_MOBILE);
    }

    @Test
    void givenNoCertifiedPhone_get_isNotFound() {
        users.add(jane(BANK_A, Optional.empty()));

        assertNotFound(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_READ),
                NotFoundException.Resource.CERTIFIED_PHONE);
    }

    @Test
    void givenATokenIssuedForNoCustomer_get_isNotFound() {
        users.add(certified(jane(BANK_A, Optional.empty())));

        assertNotFound(caller(BANK_A, Scope.INSTITUTION_USERS_READ), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenATokensCustomerUnknownToTheInstitution_get_isNotFound() {
        users.add(certified(jane(BANK_A, Optional.empty())));

        assertNotFound(callerFor(BANK_A, JOHN, Scope.INSTITUTION_USERS_READ), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenACallerOfAnotherInstitution_get_cannotTellTheCustomerExists() {
        users.add(certified(jane(BANK_A, Optional.empty())));

        assertNotFound(callerFor(BANK_B, JANE, Scope.INSTITUTION_USERS_READ), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenATokenWithoutTheReadScope_get_isRefused() {
        users.add(certified(jane(BANK_A, Optional.empty())));
        var query = query(callerFor(BANK_A, JANE, Scope.INSTITUTION_USERS_WRITE));

        assertThatThrownBy(() -> service.get(query)).isInstanceOfSatisfying(MissingScopeException.class,
                e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_READ));
    }

    private void assertNotFound(CallerContext caller, NotFoundException.Resource resource) {
        assertThatThrownBy(() -> service.get(query(caller))).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(resource));
    }

    private static User certified(User user) {
        return User.reconstitute(user.id(), user.institutionId(), user.customerId(), user.accountId(),
                user.profile(), user.phones(), user.email(), Optional.of(new CertifiedPhone(user.phones().get(0).id(),
                        user.phones().get(0).number(), LONG_AGO, UUID.randomUUID())));
    }

    private static GetCertifiedPhoneQuery query(CallerContext caller) {
        return new GetCertifiedPhoneQuery(caller);
    }
}
