package io.contactinfo.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.adapter.persistence.crypto.FieldCipher;
import io.contactinfo.adapter.persistence.crypto.HmacOtpCodeHasher;
import io.contactinfo.adapter.persistence.crypto.KeyedHash;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.application.port.out.OtpStore;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.otp.OtpCodeHasher;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.util.Utils;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The service's database, H2 or PostgreSQL: a connection pool on a schema brought up to date, and the
 * implementations of the application's persistence ports that work on it. Open one per process and close it on
 * shutdown.
 *
 * <p>Every port joins the {@link #unitOfWork()} its caller runs in: what a use case writes through several ports
 * commits or rolls back together.
 */
public final class Database implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    /** How long a request waits for a pooled connection before the database counts as unavailable. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** How long an H2 statement waits for a row lock another transaction holds. */
    private static final Duration H2_LOCK_TIMEOUT = Duration.ofSeconds(10);
    /** Parsed statements an H2 session keeps: more than every distinct statement of the busiest use case. */
    private static final int H2_QUERY_CACHE_SIZE = 128;
    /** How every H2 URL begins; H2 reads it, and its {@code mem:}, {@code tcp:} and {@code ssl:}, case-sensitively. */
    private static final String H2_URL = "jdbc:h2:";
    /** Values of an identity column H2 sets aside at a time (V8__identity_cache.sql). */
    private static final String H2_IDENTITY_CACHE = "1000";

    private final DataSource dataSource;
    /** The upkeep of an H2 file database opened here; empty for any other. */
    private final Optional<H2Housekeeping> housekeeping;
    /** Closes the pool this database opened; nothing for a data source its caller owns. */
    private final AutoCloseable owned;
    private final JdbiUnitOfWork unitOfWork;
    private final JdbiUserRepository userRepository;
    private final JdbiAccountRepository accountRepository;
    private final JdbiInstitutionRepository institutionRepository;
    private final JdbiLimitRegistry limitRegistry;
    private final JdbiOtpStore otpStore;
    private final JdbiSoftTokenRepository softTokenRepository;
    private final JdbiIdempotencyStore idempotencyStore;
    private final JdbiAuditLog auditLog;
    private final JdbiNotificationOutbox notificationOutbox;
    private final HmacOtpCodeHasher otpCodeHasher;

    private Database(DataSource dataSource, Optional<H2Housekeeping> housekeeping, AutoCloseable owned,
                     DataProtection protection) {
        this.dataSource = dataSource;
        this.housekeeping = housekeeping;
        this.owned = owned;
        // A connection the pool cannot give means the database is unreachable: say so in the application's terms,
        // so that the HTTP dialects answer "service unavailable" (UXU_30001, serverUnavailable) without knowing JDBI.
        ConnectionFactory connections = () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException unreachable) {
                throw new StoreUnavailableException(unreachable);
            }
        };
        Jdbi jdbi = Jdbi.create(connections);
        FieldCipher cipher = new FieldCipher(protection);
        this.unitOfWork = new JdbiUnitOfWork(jdbi);
        this.userRepository = new JdbiUserRepository(jdbi, connections, cipher);
        this.accountRepository = new JdbiAccountRepository(jdbi);
        this.institutionRepository = new JdbiInstitutionRepository(jdbi);
        this.limitRegistry = new JdbiLimitRegistry(jdbi, new KeyedHash(protection, "limit-key-ssn"));
        this.otpStore = new JdbiOtpStore(jdbi, new KeyedHash(protection, "otp-destination"));
        this.softTokenRepository = new JdbiSoftTokenRepository(jdbi);
        this.idempotencyStore = new JdbiIdempotencyStore(jdbi);
        this.auditLog = new JdbiAuditLog(jdbi);
        this.notificationOutbox = new JdbiNotificationOutbox(jdbi, cipher);
        this.otpCodeHasher = new HmacOtpCodeHasher(protection);
    }

    /**
     * Opens a connection pool and migrates the schema the connections default to (for PostgreSQL, the first schema
     * of the search path, which the URL's {@code currentSchema} sets). An H2 file database whose commits are
     * written at once gets the upkeep of {@link H2Housekeeping} until it is closed.
     *
     * @param protection the keys that encrypt dates of birth, SSNs and notification parameters, and hash SSNs and
     *                   OTP codes; data written under one set of keys is readable only with the same keys
     * @throws org.flywaydb.core.api.FlywayException when the schema cannot be migrated
     */
    public static Database open(DatabaseSettings settings, DataProtection protection) {
        Objects.requireNonNull(protection, "protection");
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
        Optional<H2Housekeeping> housekeeping = Optional.empty();
        try {
            migrate(dataSource);
            housekeeping = H2Housekeeping.of(dataSource);
            Database database = new Database(dataSource, housekeeping, closing(housekeeping, dataSource), protection);
            housekeeping.ifPresent(H2Housekeeping::start);
            return database;
        } catch (RuntimeException e) {
            housekeeping.ifPresent(H2Housekeeping::close);
            dataSource.close();
            throw e;
        } catch (SQLException unreachable) {
            dataSource.close();
            throw new StoreUnavailableException(unreachable);
        }
    }

    /** Stops the upkeep, then closes the pool: H2 closes the database with the pool's last connection. */
    private static AutoCloseable closing(Optional<H2Housekeeping> housekeeping, HikariDataSource pool) {
        return () -> {
            housekeeping.ifPresent(H2Housekeeping::close);
            pool.close();
        };
    }

    /**
     * The database behind a data source its caller owns, e.g. a host service's own pool, with the schema brought up
     * to date as {@link #open} does. {@link #close()} leaves the data source open. The pool should give connections
     * at READ COMMITTED (both databases' default), which the account limits' locking relies on, and should not wait
     * long for a free connection: a request waits as long before it is told the database is unavailable. An H2
     * file on such a data source keeps H2's own settings: with {@code WRITE_DELAY=0} it gets no
     * {@link H2Housekeeping}, and its file grows under sustained writes.
     *
     * @throws org.flywaydb.core.api.FlywayException when the schema cannot be migrated
     */
    public static Database on(DataSource dataSource, DataProtection protection) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(protection, "protection");
        migrate(dataSource);
        return new Database(dataSource, Optional.empty(), () -> { }, protection);
    }

    /** Brings the schema the data source's connections default to up to date; nothing else. */
    public static void migrate(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    /** What {@link #migrate(DatabaseSettings)} did: how many migrations it applied, and the schema's version now. */
    public record Migration(int applied, String schemaVersion) {
    }

    /**
     * Brings the schema up to date, as {@link #open} does, and closes its connections: for a deployment step that
     * migrates before any server starts. Needs no data-protection keys: migrations never read personal data.
     *
     * @throws org.flywaydb.core.api.FlywayException when the schema cannot be migrated
     */
    public static Migration migrate(DatabaseSettings settings) {
        try (HikariDataSource dataSource = new HikariDataSource(poolConfig(settings))) {
            Flyway flyway = flyway(dataSource);
            int applied = flyway.migrate().migrationsExecuted;
            return new Migration(applied, flyway.info().current().getVersion().getVersion());
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS)
                .placeholders(Map.of("identity_cache", isH2(dataSource) ? H2_IDENTITY_CACHE : "1")).load();
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        } catch (SQLException unreachable) {
            throw new FlywayException("the database cannot be reached: " + unreachable.getMessage(), unreachable);
        }
    }

    static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("contactinfo");
        config.setJdbcUrl(withH2Settings(settings.jdbcUrl()));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        // Hikari waits 30 s for a connection by default; a caller should hear "unavailable" well before it gives up.
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // The default of both databases, stated because the limit registry's locking relies on it: each statement
        // sees what committed before it began, so a count after the key's lock sees the previous holder's links.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (h2(settings.jdbcUrl())) {
            // H2 gives up a row lock after 1 s by default; requests queued on one phone number's or idempotency
            // key's lock under load wait longer. PostgreSQL waits as long as it takes.
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT.toMillis());
            // H2 keeps the parsed form of a session's last 8 statements by default; an enrollment alone runs more
            // distinct ones, so each was parsed again every time (19% of an import's CPU in JFR).
            config.addDataSourceProperty("QUERY_CACHE_SIZE", String.valueOf(H2_QUERY_CACHE_SIZE));
            if (inProcessH2(settings.jdbcUrl())) {
                // Hikari retires each connection after 30 min by default, for the network's sake; a connection to a
                // database in this process never goes stale. And when the last one closes, H2 closes the database:
                // an in-memory one is gone, a file is read again by the next request (H2Housekeeping's own
                // connection keeps a file open, not an in-memory database).
                config.setMaxLifetime(0);
            }
        }
        return config;
    }

    /** Whether a URL names an H2 database; as H2's driver reads it, case-sensitive. */
    private static boolean h2(String jdbcUrl) {
        return jdbcUrl.startsWith(H2_URL);
    }

    /** Whether a URL names an H2 database this process opens, not one H2's TCP server serves from another. */
    static boolean inProcessH2(String jdbcUrl) {
        return h2(jdbcUrl) && !jdbcUrl.startsWith(H2_URL + "tcp:") && !jdbcUrl.startsWith(H2_URL + "ssl:");
    }

    /**
     * The URL, for an H2 database with what the service needs of it; each setting a URL makes itself keeps its
     * choice, and PostgreSQL URLs are left as they are.
     * <ul>
     *   <li>{@code WRITE_DELAY=0}: each commit is written to the file before the commit returns. By default H2
     *       writes committed changes up to 500 ms later, so a process killed in between loses transactions it has
     *       acknowledged ({@code CrashRecoveryIT} in bootstrap saw it).</li>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}, for a database in this process: it closes when {@link #close()} does.
     *       By default H2's own shutdown hook, which the JVM runs alongside the server's, closed it while the
     *       server was still finishing its requests, and they failed with a 500 ({@code GracefulStopIT}); now that
     *       hook only writes what is pending. With {@code WRITE_DELAY=0} every commit is already in the file, so a
     *       process that never closes its database loses nothing. Not with {@code AUTO_SERVER}, which H2 refuses
     *       it with.</li>
     * </ul>
     */
    static String withH2Settings(String jdbcUrl) {
        if (!h2(jdbcUrl)) {
            return jdbcUrl;
        }
        Map<String, String> chosen = h2Settings(jdbcUrl);
        StringBuilder url = new StringBuilder(jdbcUrl);
        if (!jdbcUrl.startsWith(H2_URL + "mem:") && !chosen.containsKey("WRITE_DELAY")) {
            url.append(";WRITE_DELAY=0");
        }
        // H2 refuses it with AUTO_SERVER, which needs H2's hook to hand the file over to another process.
        if (inProcessH2(jdbcUrl) && !chosen.containsKey("DB_CLOSE_ON_EXIT")
                && !Utils.parseBoolean(chosen.get("AUTO_SERVER"), false, false)) {
            url.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return url.toString();
    }

    /** The settings an H2 URL makes after the database's name ({@code ;NAME=value}), by upper-case name. */
    private static Map<String, String> h2Settings(String jdbcUrl) {
        Map<String, String> settings = new HashMap<>();
        String[] parts = jdbcUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0) {
                settings.put(parts[i].substring(0, equals).trim().toUpperCase(Locale.ROOT),
                        parts[i].substring(equals + 1).trim());
            }
        }
        return settings;
    }

    /** One transaction across every port of this database. */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The users, with their phones, email and profile. */
    public UserRepository userRepository() {
        return userRepository;
    }

    public AccountRepository accountRepository() {
        return accountRepository;
    }

    /** The institutions' settings; {@link JdbiInstitutionRepository#configure} changes them. */
    public JdbiInstitutionRepository institutionRepository() {
        return institutionRepository;
    }

    /** Which accounts each phone number and SSN is linked to, locked per key for the account limits. */
    public LimitRegistry limitRegistry() {
        return limitRegistry;
    }

    public OtpStore otpStore() {
        return otpStore;
    }

    public SoftTokenRepository softTokenRepository() {
        return softTokenRepository;
    }

    public IdempotencyStore idempotencyStore() {
        return idempotencyStore;
    }

    /** The audit records; {@link JdbiAuditLog#records} reads them back. */
    public JdbiAuditLog auditLog() {
        return auditLog;
    }

    /** The notifications waiting for delivery; {@link JdbiNotificationOutbox#pending} reads them back. */
    public JdbiNotificationOutbox notificationOutbox() {
        return notificationOutbox;
    }

    /** The same notifications, as the dispatcher claims them. */
    public OutboxQueue outboxQueue() {
        return notificationOutbox;
    }

    /** Hashes OTP codes under the HMAC key of the {@link DataProtection} this database was opened with. */
    public OtpCodeHasher otpCodeHasher() {
        return otpCodeHasher;
    }

    /** The pooled connections, for readiness checks and for callers that run their own SQL. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Closes the database as {@link #close()} does, after a bulk load: an H2 file database opened here whose file is
     * now less than half live is first rewritten to its live pages alone, which can take seconds on a large file.
     * Says whether it was.
     *
     * @throws StoreUnavailableException when the file could not be rewritten; the database is closed all the same
     */
    public boolean closeCompacting() {
        try {
            return housekeeping.isPresent() && housekeeping.get().closeCompacting();
        } catch (SQLException failed) {
            throw new StoreUnavailableException(failed);
        } finally {
            close();
        }
    }

    /**
     * Closes every pooled connection of a database {@linkplain #open opened} here (an H2 in-memory database ends with
     * its last connection); a data source its caller owns stays open.
     */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("the connection pool did not close", e);
        }
    }
}
