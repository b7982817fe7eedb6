package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * An H2 file database has each commit in its file before the commit returns, so that a killed process loses nothing
 * it acknowledged: H2's default {@code WRITE_DELAY} of 500 ms lost acknowledged writes in bootstrap's
 * {@code CrashRecoveryIT} (kill -9 during writes). {@link H2GroupCommitTest} shows how.
 */
class H2DurabilityTest {

    /** SHUTDOWN IMMEDIATELY closes the file without writing what is unwritten, as a killed process would. */
    @Test
    void anH2FileDatabaseHasEachCommitInItsFileWhenTheCommitReturns() throws Exception {
        String url = TestDatabases.newH2Url();
        Institution bank = new Institution(new InstitutionId("bank-durable"), new LimitSettings(2, 4, 3, 12));
        try (Database database = Database.open(DatabaseSettings.of(url), TestDatabases.PROTECTION)) {
            database.institutionRepository().configure(bank);
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException closed) {
                // the pool's reset of the connection fails: the database is gone
            }
        }

        try (Database reopened = Database.open(DatabaseSettings.of(url), TestDatabases.PROTECTION)) {
            assertThat(reopened.institutionRepository().get(bank.id())).isEqualTo(bank);
        }
    }

    @Test
    void aUrlThatChoosesItsOwnWriteDelayKeepsIt_andOtherDatabasesAreLeftAlone() {
        assertThat(Database.durable("jdbc:h2:file:/data/ci;write_delay=100"))
                .isEqualTo("jdbc:h2:file:/data/ci;write_delay=100");
        assertThat(Database.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.durable("jdbc:postgresql://db/ci")).isEqualTo("jdbc:postgresql://db/ci");
        assertThat(Database.durable("jdbc:h2:tcp://db/ci")).isEqualTo("jdbc:h2:tcp://db/ci;WRITE_DELAY=0");
        // Written by H2GroupCommit instead.
        assertThat(Database.durable("jdbc:h2:file:/data/ci")).isEqualTo("jdbc:h2:file:/data/ci");
        assertThat(Database.commitsInGroups("jdbc:h2:file:/data/ci")).isTrue();
        assertThat(Database.commitsInGroups("jdbc:h2:./data/ci")).isTrue();
        assertThat(Database.commitsInGroups("jdbc:h2:file:/data/ci;write_delay=100")).isFalse();
        assertThat(Database.commitsInGroups("jdbc:h2:tcp://db/ci")).isFalse();
        assertThat(Database.commitsInGroups("jdbc:h2:mem:test")).isFalse();
    }
}
