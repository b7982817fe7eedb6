package io.contactinfo.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.contactinfo.application.port.out.UserRepository;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's database, H2 or PostgreSQL: a connection pool on a schema brought up to date, and the repositories
 * that work on it. Open one per process and close it on shutdown.
 */
public final class Database implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final UserRepository userRepository;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Jdbi jdbi = Jdbi.create(dataSource);
        this.userRepository = new JdbiUserRepository(jdbi);
    }

    /**
     * Opens a connection pool and migrates the schema the connections default to (for PostgreSQL, the first schema
     * of the search path, which the URL's {@code currentSchema} sets).
     *
     * @throws org.flywaydb.core.api.FlywayException when the schema cannot be migrated
     */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
        try {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("contactinfo");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        return config;
    }

    /** The users, with their phones and email. */
    public UserRepository userRepository() {
        return userRepository;
    }

    /** The pooled connections, for readiness checks and for callers that run their own SQL. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes every pooled connection; an H2 in-memory database ends with its last connection. */
    @Override
    public void close() {
        dataSource.close();
    }
}
