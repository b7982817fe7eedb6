package io.contactinfo.bootstrap;

import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.adapter.rest.Dialect;
import io.contactinfo.adapter.rest.DialectsPlugin;
import io.contactinfo.adapter.rest.contactinfo.ContactInfoApi;
import io.contactinfo.adapter.rest.security.AccessConfiguration;
import io.contactinfo.adapter.rest.security.SecurityApi;
import io.contactinfo.adapter.rest.users.UserDataPolicy;
import io.contactinfo.adapter.rest.users.UsersApi;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.service.DispatchNotificationsService;
import io.contactinfo.application.service.PurgeExpiredRecordsService;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.otp.OtpPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Contact Info inside a host JVM service: the use cases on the host's own data source, and the three HTTP dialects
 * to mount on the host's own Javalin app.
 *
 * <pre>{@code
 * ContactInfo contactInfo = ContactInfo.builder()
 *         .dataSource(hostDataSource)                 // H2 or PostgreSQL; the schema is migrated on it
 *         .dataProtection(keys)                       // encrypts SSNs, dates of birth, queued messages
 *         .accessTokens(verifier)                     // e.g. a JwtAccessTokenVerifier on the bank's JWKS
 *         .notificationSender(sender)                 // optional: without one, messages wait in the outbox
 *         .build();
 * contactInfo.useCases().listContactMethods().list(query);     // call the core directly, or serve the APIs:
 * Javalin.create(config -> config.registerPlugin(contactInfo.plugin())).start(8080);
 * }</pre>
 *
 * <p>While it is open it drains the outbox every second when it has a sender, and purges expired passcodes and
 * idempotency entries every hour. {@link #close()} stops them; the host's data source stays open.
 */
public final class ContactInfo implements AutoCloseable {

    private final Database database;
    private final UseCases useCases;
    private final List<Dialect> dialects;
    private final BackgroundJobs backgroundJobs;

    private ContactInfo(Builder builder, Database database) {
        this.database = database;
        Clock clock = builder.clock;
        NotificationMetrics metrics = new NotificationMetrics(builder.meterRegistry);
        Optional<DispatchNotificationsUseCase> dispatch = builder.notificationSender.map(sender -> metrics.counting(new DispatchNotificationsService(
                database.outboxQueue(), sender, database.unitOfWork(), DispatchNotificationsService.Settings.DEFAULTS, clock)));
        this.useCases = UseCases.on(database, builder.sandbox ? EmailPolicy.SANDBOX : EmailPolicy.PRODUCTION,
                builder.otpPolicy, dispatch.orElse(DispatchNotificationsUseCase.NONE), clock);
        this.dialects = List.of(
                new ContactInfoApi(builder.accessTokens, useCases.listContactMethods(), useCases.updateContactInfo(),
                        useCases.sendOtp(), useCases.verifyOtp()),
                new SecurityApi(builder.accessTokens, builder.securityAccess, useCases.getCertifiedPhone(),
                        useCases.changeSoftTokenStatus(), useCases.rollBackSoftTokenStatus(), clock),
                new UsersApi(builder.accessTokens, useCases.enroll(), useCases.changeAccountStatus(),
                        useCases.listUsers(), useCases.updateUser(), useCases.updateUserName(),
                        useCases.runIdempotentRequest(),
                        // Plain user data only where the source program allows it: its sandbox.
                        builder.sandbox ? UserDataPolicy.PLAIN_ACCEPTED : UserDataPolicy.ENCRYPTED_ONLY,
                        new UserDataDecryptor(builder.userDataKeys), clock));
        this.backgroundJobs = new BackgroundJobs(dispatch, new PurgeExpiredRecordsService(database.otpStore(),
                database.idempotencyStore(), PurgeExpiredRecordsService.Retention.DEFAULTS, clock));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every use case, to call from the host's own code. */
    public UseCases useCases() {
        return useCases;
    }

    /** The Contact Info, Security and Users APIs. */
    public List<Dialect> dialects() {
        return dialects;
    }

    /**
     * The three APIs as a Javalin plugin for the host's own app:
     * {@code Javalin.create(config -> config.registerPlugin(contactInfo.plugin()))}.
     */
    public DialectsPlugin plugin() {
        return new DialectsPlugin(dialects);
    }

    /** The database the use cases work on, e.g. for a readiness check on {@link Database#dataSource()}. */
    public Database database() {
        return database;
    }

    /** Stops the background jobs, letting a running one finish; the host's data source stays open. */
    @Override
    public void close() {
        backgroundJobs.close();
        database.close();
    }

    /** What {@link ContactInfo} is built from; a data source, the data protection keys and a verifier are required. */
    public static final class Builder {

        private DataSource dataSource;
        private DataProtection dataProtection;
        /** The standalone server's own database, opened on its configured pool; replaces the two above. */
        private Database database;
        private AccessTokenVerifier accessTokens;
        private Clock clock = Clock.systemUTC();
        private Optional<NotificationSender> notificationSender = Optional.empty();
        private AccessConfiguration securityAccess = (institution, country, business, channel) -> false;
        private OtpPolicy otpPolicy = OtpPolicy.DEFAULTS;
        private boolean sandbox;
        private MeterRegistry meterRegistry = Metrics.globalRegistry;
        private ServerKeys userDataKeys = ServerKeys.none();

        private Builder() {
        }

        /** The host's data source; its schema is migrated on {@link #build()} (SPEC §2: H2 or PostgreSQL). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The standalone server's database, which {@link ContactInfo#close()} closes. */
        Builder database(Database database) {
            this.database = Objects.requireNonNull(database, "database");
            return this;
        }

        /** The keys for personal data at rest; the same keys must read what they wrote. */
        public Builder dataProtection(DataProtection dataProtection) {
            this.dataProtection = Objects.requireNonNull(dataProtection, "dataProtection");
            return this;
        }

        /** Verifies the bearer tokens of the HTTP APIs (SPEC §6). */
        public Builder accessTokens(AccessTokenVerifier accessTokens) {
            this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
            return this;
        }

        /** The time of every rule; the system's UTC clock unless given. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Delivers the outbox's messages; without one they wait in the outbox. */
        public Builder notificationSender(NotificationSender notificationSender) {
            this.notificationSender = Optional.of(notificationSender);
            return this;
        }

        /** The Security API's enabled country, business and channel combinations; none unless given. */
        public Builder securityAccess(AccessConfiguration securityAccess) {
            this.securityAccess = Objects.requireNonNull(securityAccess, "securityAccess");
            return this;
        }

        /** The OTP numbers (SPEC §4.5); {@link OtpPolicy#DEFAULTS} unless given. */
        public Builder otpPolicy(OtpPolicy otpPolicy) {
            this.otpPolicy = Objects.requireNonNull(otpPolicy, "otpPolicy");
            return this;
        }

        /**
         * The key pairs that decrypt the Users API's {@code encryptedUserData} (SPEC §5.2), all active; none unless
         * given, and then only plain user data in {@link #sandbox sandbox} mode can be enrolled.
         */
        public Builder userDataKeys(ServerKeys userDataKeys) {
            this.userDataKeys = Objects.requireNonNull(userDataKeys, "userDataKeys");
            return this;
        }

        /** Where the delivered, retried and rejected notifications are counted; Micrometer's global registry unless given. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /** Sandbox rules: a '+' in an email, and plain user data in the Users API. Off unless set. */
        public Builder sandbox(boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /**
         * Migrates the schema and wires everything.
         *
         * @throws IllegalStateException naming the first required part that was not given
         */
        public ContactInfo build() {
            if (database == null) {
                require(dataSource, "dataSource");
                require(dataProtection, "dataProtection");
            }
            require(accessTokens, "accessTokens");
            return new ContactInfo(this, database != null ? database : Database.on(dataSource, dataProtection));
        }

        private static void require(Object part, String name) {
            if (part == null) {
                throw new IllegalStateException("ContactInfo.builder() needs " + name + "(...)");
            }
        }
    }
}
