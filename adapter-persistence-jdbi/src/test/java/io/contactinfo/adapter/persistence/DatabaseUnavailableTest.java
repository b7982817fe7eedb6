package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import org.junit.jupiter.api.Test;

/** A database that cannot give a connection is reported in the application's terms, not JDBI's. */
class DatabaseUnavailableTest {

    private static final InstitutionId BANK = new InstitutionId("bank-a");

    @Test
    void aLookUpWithoutAConnectionIsStoreUnavailable() {
        Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url()), TestDatabases.PROTECTION);
        database.close();

        assertThatThrownBy(() -> database.userRepository().findByCustomerId(BANK, new InstitutionCustomerId("c-1")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the database cannot be reached");
    }

    @Test
    void theContactMethodsLookUpWithoutAConnectionIsStoreUnavailable() {
        Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url()), TestDatabases.PROTECTION);
        database.close();

        // It takes its connection without JDBI (JdbiUserRepository.findContactsByCustomerId).
        assertThatThrownBy(() -> database.userRepository()
                .findContactsByCustomerId(BANK, new InstitutionCustomerId("c-1")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the database cannot be reached");
    }

    @Test
    void aUnitOfWorkWithoutAConnectionIsStoreUnavailable() {
        Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url()), TestDatabases.PROTECTION);
        database.close();

        assertThatThrownBy(() -> database.unitOfWork().transactionally(() -> database.userRepository().hasUsers(BANK)))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
