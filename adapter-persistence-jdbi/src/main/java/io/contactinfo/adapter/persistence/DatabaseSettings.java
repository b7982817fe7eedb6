package io.contactinfo.adapter.persistence;

import java.util.Objects;

/**
 * How to reach the database: a JDBC URL of H2 or PostgreSQL, the credentials, and the size of the connection pool.
 *
 * @param jdbcUrl     the JDBC URL, e.g. {@code jdbc:h2:file:./data/contactinfo} or
 *                    {@code jdbc:postgresql://db:5432/contactinfo}
 * @param user        the user name, or {@code null} when the URL carries it or the driver's default applies
 * @param password    the password, or {@code null} when the URL carries it or none is needed
 * @param maxPoolSize the most connections the pool opens, at least 1
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    /** Enough for a 2-core server; more connections than cores mostly queue in the database. */
    public static final int DEFAULT_MAX_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
    }

    /** Settings for {@code jdbcUrl} alone: credentials from the URL or the driver, the default pool size. */
    public static DatabaseSettings of(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, null, null, DEFAULT_MAX_POOL_SIZE);
    }

    /** Never the password: settings end up in logs. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
