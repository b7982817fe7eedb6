package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.contract.UserRepositoryContract;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserContacts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The port's contract plus what only a database can break, on each database the service supports. */
class JdbiUserRepositoryTest {

    abstract static class OnDatabase extends UserRepositoryContract {

        abstract Database database();

        @Override
        protected UserRepository repository() {
            return database().userRepository();
        }

        @Test
        void givenAnEmailThatCannotBeStored_add_storesNeitherTheUserNorItsPhones() {
            User stored = aUser(bankA, new InstitutionCustomerId("c-1"), List.of(),
                    Optional.of(email("jane@example.com", true, "2024-03-01T10:15:30Z")));
            repository().add(stored);
            // Reusing the stored email's id makes an insert of add() fail, after the user and its phones.
            User clash = aUser(bankB, stored.customerId(),
                    List.of(phone("2125550147", PhoneType.MOBILE, true, true, "2024-03-01T10:15:30Z")),
                    stored.email());

            assertThatThrownBy(() -> repository().add(clash)).isInstanceOf(RuntimeException.class);

            assertThat(repository().findByCustomerId(bankB, stored.customerId())).isEmpty();
            assertThat(repository().hasUsers(bankB)).isFalse();
        }

        @Test
        void withinAUnitOfWork_findContactsByCustomerId_readsOnItsTransaction() {
            User jane = aUser(bankA, new InstitutionCustomerId("c-1"),
                    List.of(phone("2125550147", PhoneType.MOBILE, true, true, "2024-03-01T10:15:30Z")),
                    Optional.of(email("jane@example.com", true, "2024-03-01T10:15:30Z")));
            RuntimeException rollBack = new RuntimeException("roll back");
            AtomicReference<Optional<UserContacts>> readInside = new AtomicReference<>();

            // The look-up does without a JDBI handle of its own; inside a unit of work it must still see what the
            // unit has written and not committed, which no other connection sees.
            assertThatThrownBy(() -> database().unitOfWork().transactionally((Runnable) () -> {
                repository().add(jane);
                readInside.set(repository().findContactsByCustomerId(bankA, jane.customerId()));
                throw rollBack;
            })).isSameAs(rollBack);

            assertThat(readInside.get()).contains(jane.contacts());
            assertThat(repository().findContactsByCustomerId(bankA, jane.customerId())).isEmpty();
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.h2();
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.postgres();
        }
    }
}
