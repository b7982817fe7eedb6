package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.domain.institution.InstitutionId;
import java.nio.file.Path;
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
}
