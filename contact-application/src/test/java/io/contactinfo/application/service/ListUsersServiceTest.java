package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.UsersApiTestData.enroll;
import static io.contactinfo.application.service.UsersApiTestData.jane;
import static io.contactinfo.application.service.UsersApiTestData.reader;
import static io.contactinfo.application.service.UsersApiTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.ListUsersQuery;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.user.User;
import org.junit.jupiter.api.Test;

class ListUsersServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final ListUsersService service = new ListUsersService(ports.accounts(), ports.users());
    private final EnrollResult jane = enroll(ports, BANK_A, jane());

    @Test
    void givenAnEnrolledAccount_list_returnsItsUser() {
        assertThat(service.list(new ListUsersQuery(reader(BANK_A), jane.accountId())))
                .extracting(User::id).containsExactly(jane.userId());
    }

    @Test
    void givenATokenWithoutTheReadScope_list_isRefused() {
        var query = new ListUsersQuery(writer(BANK_A), jane.accountId());

        assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(MissingScopeException.class,
                e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_READ));
    }

    @Test
    void givenAnAccountOfAnotherInstitution_list_isNotFound() {
        var query = new ListUsersQuery(reader(BANK_B), jane.accountId());

        assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.ACCOUNT));
    }

    @Test
    void givenAnUnknownAccount_list_isNotFound() {
        var query = new ListUsersQuery(reader(BANK_A), AccountId.random());

        assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.ACCOUNT));
    }
}
