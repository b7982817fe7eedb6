package io.contactinfo.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryUserRepository;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.ListContactMethodsQuery;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListContactMethodsServiceTest {

    private static final InstitutionId BANK_A = new InstitutionId("bank-a");
    private static final InstitutionId BANK_B = new InstitutionId("bank-b");
    private static final InstitutionCustomerId JANE = new InstitutionCustomerId("c-1001");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final ListContactMethodsService service = new ListContactMethodsService(users);

    ListContactMethodsServiceTest() {
        users.add(User.create(UserId.random(), BANK_A, JANE, List.of(new Phone(PhoneId.random(),
                new PhoneNumber("2125550147"), PhoneType.MOBILE, true, true, Instant.EPOCH)), Optional.empty()));
    }

    @Test
    void givenACustomerWithAMobilePhone_list_returnsItsSmsAndVoiceMethods() {
        List<ContactMethod> methods = service.list(new ListContactMethodsQuery(caller(BANK_A, Scope.INSTITUTION_USERS_READ), JANE));

        assertThat(methods).extracting(ContactMethod::channel).containsExactly(Channel.SMS, Channel.VOICE);
    }

    @Test
    void givenATokenWithoutTheReadScope_list_isRefused() {
        var query = new ListContactMethodsQuery(caller(BANK_A, Scope.INSTITUTION_USERS_WRITE), JANE);

        assertThatThrownBy(() -> service.list(query))
                .isInstanceOfSatisfying(MissingScopeException.class,
                        e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_READ));
    }

    @Test
    void givenAnUnknownCustomer_list_isNotFound() {
        var query = new ListContactMethodsQuery(caller(BANK_A, Scope.INSTITUTION_USERS_READ),
                new InstitutionCustomerId("c-404"));

        assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
    }

    @Test
    void givenACallerOfAnotherInstitution_list_cannotTellTheCustomerExists() {
        var query = new ListContactMethodsQuery(caller(BANK_B, Scope.INSTITUTION_USERS_READ), JANE);

        assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
    }

    @Test
    void givenATokenIssuedForAnotherCustomer_list_cannotTellTheCustomerExists() {
        users.add(User.create(UserId.random(), BANK_A, new InstitutionCustomerId("c-2002"), List.of(), Optional.empty()));
        var query = new ListContactMethodsQuery(caller(BANK_A, Scope.INSTITUTION_USERS_READ),
                new InstitutionCustomerId("c-2002"));

        assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.CUSTOMER));
    }

    private static CallerContext caller(InstitutionId institution, Scope scope) {
        return new CallerContext(institution, Optional.of(JANE), "client", "subject", Set.of(scope),
                "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41");
    }
}
