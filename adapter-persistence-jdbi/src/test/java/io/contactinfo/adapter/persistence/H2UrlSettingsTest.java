package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What {@link Database#open} asks of an H2 database through its URL:
 * <ul>
 *   <li>each commit written to the file before the commit returns, so that a killed process loses nothing it
 *       acknowledged: H2's default {@code WRITE_DELAY} of 500 ms lost acknowledged writes in bootstrap's
 *       {@code CrashRecoveryIT} (kill -9 during writes);</li>
 *   <li>a database in this process closed by {@link Database#close()}, not by H2's own shutdown hook, which closed it
 *       under the requests a stopping server was finishing ({@code GracefulStopIT}, SIGTERM during writes).</li>
 * </ul>
 */
class H2UrlSettingsTest {

    @Test
    void anH2FileDatabaseIsOpenedWithoutWriteDelay() throws Exception {
        try (Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url()),
                TestDatabases.PROTECTION);
             Connection connection = database.dataSource().getConnection()) {
            assertThat(setting(connection, "WRITE_DELAY")).isEqualTo("0");
        }
    }

    /** H2 lists no DB_CLOSE_ON_EXIT among its settings; what it does at exit, GracefulStopIT shows. */
    @Test
    void thePoolOpensTheUrlWithTheSettings() {
        String url = TestDatabases.newH2Url();
        assertThat(Database.poolConfig(DatabaseSettings.of(url)).getJdbcUrl()).isEqualTo(Database.withH2Settings(url))
                .contains("DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aUrlThatChoosesASettingItselfKeepsIt() {
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/ci;write_delay=100;db_close_on_exit=true"))
                .isEqualTo("jdbc:h2:file:/data/ci;write_delay=100;db_close_on_exit=true");
        // A setting's name elsewhere in the URL is not a choice.
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/write_delay;INIT=SET DB_CLOSE_ON_EXIT"))
                .isEqualTo("jdbc:h2:file:/data/write_delay;INIT=SET DB_CLOSE_ON_EXIT;WRITE_DELAY=0"
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void eachDatabaseGetsTheSettingsThatApplyToIt() {
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/ci"))
                .isEqualTo("jdbc:h2:file:/data/ci;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        // H2 leaves an in-memory database open at exit already; said anyway, it changes nothing.
        assertThat(Database.withH2Settings("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_ON_EXIT=FALSE");
        // The server's process closes what it serves.
        assertThat(Database.withH2Settings("jdbc:h2:tcp://db/ci")).isEqualTo("jdbc:h2:tcp://db/ci;WRITE_DELAY=0");
        assertThat(Database.withH2Settings("jdbc:postgresql://db/ci")).isEqualTo("jdbc:postgresql://db/ci");
    }

    /**
     * Read as H2 reads it: its driver takes only {@code jdbc:h2:}, and {@code mem:} only in lower case, so to H2
     * {@code MEM:test} is the name of a file, not an in-memory database.
     */
    @Test
    void theUrlsPrefixesAreReadCaseSensitively_asH2ReadsThem() {
        assertThat(Database.withH2Settings("jdbc:h2:MEM:test")).contains(";WRITE_DELAY=0");
        assertThat(Database.withH2Settings("JDBC:H2:file:/data/ci")).isEqualTo("JDBC:H2:file:/data/ci");
    }

    /** H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER, however its true is spelt. */
    @Test
    void aUrlWithAutoServer_keepsH2sExitHook_andOpens() throws Exception {
        for (String on : new String[] {"TRUE", "true", "1", "yes", "Y", "t"}) {
            assertThat(Database.withH2Settings("jdbc:h2:file:/data/ci;AUTO_SERVER=" + on))
                    .isEqualTo("jdbc:h2:file:/data/ci;AUTO_SERVER=" + on + ";WRITE_DELAY=0");
        }
        assertThat(Database.withH2Settings("jdbc:h2:file:/data/ci;AUTO_SERVER=no"))
                .isEqualTo("jdbc:h2:file:/data/ci;AUTO_SERVER=no;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        try (Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url() + ";AUTO_SERVER=yes"),
                TestDatabases.PROTECTION);
             Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            assertThat(setting.next()).as("H2 setting %s", name).isTrue();
            return setting.getString(1);
        }
    }
}
