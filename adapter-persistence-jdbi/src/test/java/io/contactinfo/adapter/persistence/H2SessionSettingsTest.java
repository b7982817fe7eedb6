package io.contactinfo.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings each pooled H2 connection gets. The statement cache changes no result (every H2 contract test runs
 * through it); this proves it is in force, next to the lock timeout the limit registry relies on.
 */
class H2SessionSettingsTest {

    @Test
    void everyPooledH2Connection_hasTheLargerStatementCacheAndTheLockTimeout() throws SQLException {
        try (Database database = Database.open(DatabaseSettings.of(TestDatabases.newH2Url()), TestDatabases.PROTECTION);
             Connection connection = database.dataSource().getConnection()) {

            assertThat(value(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")).isEqualTo("128");
            assertThat(value(connection, "SELECT LOCK_TIMEOUT()")).isEqualTo("10000");
        }
    }

    /**
     * Hikari retires a connection after 30 min by default. To a database in this process that only costs: with a
     * pool of one, H2 closed the database with its last connection and opened the file again for the next.
     */
    @Test
    void pooledConnectionsToADatabaseInThisProcess_areNeverRetired() {
        DatabaseSettings settings = DatabaseSettings.of(TestDatabases.newH2Url());
        try (Database database = Database.open(settings, TestDatabases.PROTECTION)) {
            assertThat(((HikariDataSource) database.dataSource()).getMaxLifetime()).as("no maximum lifetime").isZero();
        }
    }

    @Test
    void pooledConnectionsOverTheNetwork_areRetiredAsHikariDoes() {
        long hikariDefault = new HikariConfig().getMaxLifetime();

        assertThat(Database.poolConfig(DatabaseSettings.of("jdbc:h2:tcp://localhost/./contactinfo")).getMaxLifetime())
                .isEqualTo(hikariDefault).isPositive();
        assertThat(Database.poolConfig(DatabaseSettings.of("jdbc:h2:ssl://localhost/./contactinfo")).getMaxLifetime())
                .isEqualTo(hikariDefault);
    }

    private static String value(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
