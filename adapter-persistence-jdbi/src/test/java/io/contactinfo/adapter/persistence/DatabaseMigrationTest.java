package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.domain.institution.InstitutionId;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrating alone, as a deployment step does before any server starts. */
class DatabaseMigrationTest {

    @TempDir
    Path directory;

    @Test
    void aNewDatabaseIsMigratedOnceAndThenOpensWithNothingLeftToApply() {
        var settings = DatabaseSettings.of("jdbc:h2:file:" + directory.resolve("contactinfo"));

        Database.Migration first = Database.migrate(settings);
        Database.Migration again = Database.migrate(settings);

        assertThat(first.applied()).isPositive();
        assertThat(again.applied()).isZero();
        assertThat(again.schemaVersion()).isEqualTo(first.schemaVersion());
        try (Database database = Database.open(settings, DataProtection.generate())) {
            assertThat(database.userRepository().hasUsers(new InstitutionId("bank-a"))).isFalse();
        }
    }

    /** H2 writes its next identity values to its file in a commit of their own each time those set aside run out. */
    @Test
    void h2SetsAsideAThousandIdentityValuesAtATime() {
        List<Long> caches = Jdbi.create(TestDatabases.h2().dataSource()).withHandle(handle -> handle.createQuery(
                "SELECT identity_cache FROM information_schema.columns WHERE is_identity = 'YES'")
                .mapTo(Long.class).list());

        assertThat(caches).hasSize(3).containsOnly(1_000L);
    }

    /** A PostgreSQL session keeps the values it set aside: rows of concurrent sessions would be out of order. */
    @Test
    @EnabledIfPostgres
    void postgresqlSetsAsideOneIdentityValueAtATime() {
        Database postgres = TestDatabases.postgres();
        String schema = Jdbi.create(postgres.dataSource()).withHandle(handle -> handle.createQuery(
                "SELECT current_schema()").mapTo(String.class).one());
        List<Long> caches = Jdbi.create(postgres.dataSource()).withHandle(handle -> handle.createQuery(
                "SELECT cache_size FROM pg_sequences WHERE schemaname = :schema").bind("schema", schema)
                .mapTo(Long.class).list());

        assertThat(caches).hasSize(3).containsOnly(1L);
    }
}
