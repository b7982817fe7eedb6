package io.contactinfo.bootstrap;

import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.adapter.persistence.DatabaseSettings;

/** The configured database, the same for the server and for every command of the command line. */
final class Databases {

    private Databases() {
    }

    /**
     * Opens the configured database, migrated, with the keys of data at rest of the configuration, and stores the
     * account limits it gives institutions ({@link Setting#ACCOUNT_LIMITS}).
     */
    static Database open(Configuration configuration, int maxPoolSize) {
        Database database = Database.open(settings(configuration, maxPoolSize),
                DataProtectionKeys.resolve(configuration));
        try {
            configuration.accountLimits().forEach(database.institutionRepository()::configure);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Brings the configured database's schema up to date; needs no keys. */
    static Database.Migration migrate(Configuration configuration) {
        // Flyway holds two connections at once: one on its schema history table, one for the migration.
        return Database.migrate(settings(configuration, 2));
    }

    private static DatabaseSettings settings(Configuration configuration, int maxPoolSize) {
        return new DatabaseSettings(configuration.databaseUrl(), configuration.databaseUser(),
                configuration.databasePassword(), maxPoolSize);
    }
}
