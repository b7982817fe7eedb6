package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.IdempotencyStore.Entry;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} does; extend it once per implementation. */
public abstract class IdempotencyStoreContract {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456Z");

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());

    /** The implementation under test. */
    protected abstract IdempotencyStore idempotencyStore();

    @Test
    void givenANewKey_add_storesTheEntry() {
        Entry entry = new Entry(bankA, UUID.randomUUID(), "sha256:abc", "{\"status\":201,\"body\":\"é\"}", NOW);

        assertThat(idempotencyStore().add(entry)).isTrue();

        assertThat(idempotencyStore().find(bankA, entry.key())).contains(entry);
        assertThat(idempotencyStore().find(bankB, entry.key())).isEmpty();
        assertThat(idempotencyStore().find(bankA, UUID.randomUUID())).isEmpty();
    }

    @Test
    void givenANewKeyThenAnEntry_lock_holdsTheKeyWithoutChangingWhatIsStored() {
        UUID key = UUID.randomUUID();
        idempotencyStore().lock(bankA, key);
        assertThat(idempotencyStore().find(bankA, key)).isEmpty();
        Entry entry = new Entry(bankA, key, "sha256:abc", "outcome", NOW);
        idempotencyStore().add(entry);

        idempotencyStore().lock(bankA, key);

        assertThat(idempotencyStore().find(bankA, key)).contains(entry);
    }

    @Test
    void givenAKeyAlreadyTaken_add_isFalseAndKeepsTheFirstEntry() {
        Entry first = new Entry(bankA, UUID.randomUUID(), "sha256:abc", "first", NOW);
        idempotencyStore().add(first);

        assertThat(idempotencyStore().add(new Entry(bankA, first.key(), "sha256:def", "second", NOW))).isFalse();

        assertThat(idempotencyStore().find(bankA, first.key())).contains(first);
    }

    @Test
    void givenTheSameKeyInAnotherInstitution_add_storesBoth() {
        Entry atA = new Entry(bankA, UUID.randomUUID(), "sha256:abc", "a", NOW);
        Entry atB = new Entry(bankB, atA.key(), "sha256:abc", "b", NOW);

        assertThat(idempotencyStore().add(atA)).isTrue();
        assertThat(idempotencyStore().add(atB)).isTrue();

        assertThat(idempotencyStore().find(bankA, atA.key())).contains(atA);
        assertThat(idempotencyStore().find(bankB, atA.key())).contains(atB);
    }

    @Test
    void givenEntriesCreatedBeforeTheInstant_purge_deletesThemInEveryInstitutionAndKeepsTheRest() {
        // Long before every other test's entries, which a shared database keeps: the count is this test's alone.
        Instant olderThan = Instant.parse("1990-01-01T00:00:00Z");
        Entry old = new Entry(bankA, UUID.randomUUID(), "sha256:abc", "old", olderThan.minusNanos(1000));
        Entry oldElsewhere = new Entry(bankB, UUID.randomUUID(), "sha256:abc", "old", olderThan.minusSeconds(60));
        Entry kept = new Entry(bankA, UUID.randomUUID(), "sha256:abc", "kept", olderThan);
        idempotencyStore().add(old);
        idempotencyStore().add(oldElsewhere);
        idempotencyStore().add(kept);

        assertThat(idempotencyStore().purge(olderThan)).isEqualTo(2);

        assertThat(idempotencyStore().find(bankA, old.key())).isEmpty();
        assertThat(idempotencyStore().find(bankB, oldElsewhere.key())).isEmpty();
        assertThat(idempotencyStore().find(bankA, kept.key())).contains(kept);
        assertThat(idempotencyStore().add(new Entry(bankA, old.key(), "sha256:def", "new", NOW))).isTrue();
    }
}
