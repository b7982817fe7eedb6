package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * An H2 file database writes each commit to its file before the commit returns, so that a killed process loses
 * nothing it acknowledged: H2's default {@code WRITE_DELAY} of 500 ms lost acknowledged writes in bootstrap's
 * {@code CrashRecoveryIT} (kill -9 during writes).
 */
class H2DurabilityTest {

    @Test
    void anH2FileDatabaseIsOpenedWithoutWriteDelay() throws Exception {
        try (Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url()),
                TestDatabases.PROTECTION);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(setting.next()).isTrue();
            assertThat(setting.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void aUrlThatChoosesItsOwnWriteDelayKeepsIt_andOtherDatabasesAreLeftAlone() {
        assertThat(Database.durable("jdbc:h2:file:/data/ci;write_delay=100"))
                .isEqualTo("jdbc:h2:file:/data/ci;write_delay=100");
        assertThat(Database.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.durable("jdbc:postgresql://db/ci")).isEqualTo("jdbc:postgresql://db/ci");
        assertThat(Database.durable("jdbc:h2:file:/data/ci")).isEqualTo("jdbc:h2:file:/data/ci;WRITE_DELAY=0");
    }
}
