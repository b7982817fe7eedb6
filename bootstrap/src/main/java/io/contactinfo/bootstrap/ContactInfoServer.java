package io.contactinfo.bootstrap;

import com.nimbusds.jose.jwk.JWK;
import io.contactinfo.adapter.auth.DevSigningKey;
import io.contactinfo.adapter.auth.JwksSettings;
import io.contactinfo.adapter.auth.JwtAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.TokenMinter;
import io.contactinfo.adapter.auth.TrustedKeys;
import io.contactinfo.adapter.notification.LogNotificationSender;
import io.contactinfo.adapter.notification.MessageTemplates;
import io.contactinfo.adapter.notification.RoutingNotificationSender;
import io.contactinfo.adapter.notification.SmtpNotificationSender;
import io.contactinfo.adapter.notification.WebhookNotificationSender;
import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.adapter.persistence.DatabaseSettings;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.contactinfo.ContactInfoApi;
import io.contactinfo.adapter.rest.operations.Readiness;
import io.contactinfo.adapter.rest.security.SecurityApi;
import io.contactinfo.adapter.rest.users.UserDataPolicy;
import io.contactinfo.adapter.rest.users.UsersApi;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.service.DispatchNotificationsService;
import io.contactinfo.application.service.PurgeExpiredRecordsService;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.otp.OtpPolicy;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server: every module wired by hand, started on the configured port.
 *
 * <p>In dev mode it also keeps a signing key under the data directory, trusts its public half,
 * keeps a key for the Users API's {@code encryptedUserData} there too (its public half in
 * {@code userdata-key.pub.pem}), and loads the demo institution's customers on first start (SPEC §7).
 */
public final class ContactInfoServer implements AutoCloseable {

    /** The dev signing key's file, under the data directory. */
    static final Path DEV_KEY_FILE = Path.of("dev-signing-key.jwk");
    /** How long {@code GET /health/ready} waits for the database to answer. */
    private static final int READINESS_TIMEOUT_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(ContactInfoServer.class);

    private final Database database;
    private final Javalin http;
    private final BackgroundJobs backgroundJobs;
    private final Optional<TokenMinter> devTokens;

    private ContactInfoServer(Database database, Javalin http, BackgroundJobs backgroundJobs,
                              Optional<TokenMinter> devTokens) {
        this.database = database;
        this.http = http;
        this.backgroundJobs = backgroundJobs;
        this.devTokens = devTokens;
    }

    /** Opens the database (migrating it), wires the use cases and starts listening. */
    public static ContactInfoServer start(Configuration configuration, Clock clock) {
        JwtSettings jwt = jwtSettings(configuration);
        Optional<DevSigningKey> devKey = configuration.mode() == Mode.DEV
                ? Optional.of(DevSigningKey.loadOrCreate(configuration.dataDirectory().resolve(DEV_KEY_FILE)))
                : Optional.empty();
        List<JWK> extraKeys = devKey.<List<JWK>>map(key -> List.of(key.publicJwk())).orElse(List.of());
        var verifier = new JwtAccessTokenVerifier(
                TrustedKeys.source(configuration.jwksUri(), extraKeys, JwksSettings.defaults()), jwt, clock);

        // Before the database opens: a missing or unreadable key stops the start with nothing to undo.
        ServerKeys userDataKeys = UserDataKeys.resolve(configuration);
        Database database = Database.open(new DatabaseSettings(configuration.databaseUrl(),
                configuration.databaseUser(), configuration.databasePassword(), DatabaseSettings.DEFAULT_MAX_POOL_SIZE),
                DataProtectionKeys.resolve(configuration));
        try {
            if (configuration.mode() == Mode.DEV) {
                DemoData.loadIfEmpty(database.userRepository(), database.softTokenRepository(), clock);
            }
            // Dev mode runs sandbox rules: a '+' in an email address is allowed, as in the source program's PIE.
            EmailPolicy emailPolicy = configuration.mode() == Mode.DEV ? EmailPolicy.SANDBOX : EmailPolicy.PRODUCTION;
            UseCases useCases = UseCases.on(database, emailPolicy, OtpPolicy.DEFAULTS, clock);
            // One registry for /metrics: the HTTP requests' timers and the notifications' counters.
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Javalin http = HttpServer.create(List.of(
                    new ContactInfoApi(verifier, useCases.listContactMethods(), useCases.updateContactInfo(),
                            useCases.sendOtp(), useCases.verifyOtp()),
                    new SecurityApi(verifier, DemoData.ACCESS, useCases.getCertifiedPhone(),
                            useCases.changeSoftTokenStatus(), useCases.rollBackSoftTokenStatus(), clock),
                    new UsersApi(verifier, useCases.enroll(), useCases.changeAccountStatus(), useCases.listUsers(),
                            useCases.updateUser(), useCases.updateUserName(), useCases.runIdempotentRequest(),
                            // Plain user data only where the source program allows it: its sandbox.
                            configuration.mode() == Mode.DEV ? UserDataPolicy.PLAIN_ACCEPTED
                                    : UserDataPolicy.ENCRYPTED_ONLY, new UserDataDecryptor(userDataKeys), clock)),
                    databaseAnswers(database.dataSource()), registry);
            http.start(configuration.httpPort());
            return new ContactInfoServer(database, http, backgroundJobs(configuration, database, registry, clock),
                    devKey.map(key -> new TokenMinter(key.signingKey(), jwt.claimNames(), jwt.issuer(),
                            jwt.audience(), clock)));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static BackgroundJobs backgroundJobs(Configuration configuration, Database database,
                                                 MeterRegistry registry, Clock clock) {
        Optional<DispatchNotificationsUseCase> dispatch = notificationSender(configuration, clock)
                .map(sender -> new DispatchNotificationsService(database.outboxQueue(), sender,
                        DispatchNotificationsService.Settings.DEFAULTS, clock));
        var purge = new PurgeExpiredRecordsService(database.otpStore(), database.idempotencyStore(),
                PurgeExpiredRecordsService.Retention.DEFAULTS, clock);
        return new BackgroundJobs(dispatch, new NotificationMetrics(registry), purge);
    }

    /**
     * Email to the configured SMTP server, SMS and voice to the configured webhook. A channel without a provider is
     * written to the log in dev mode (passcodes shown); outside dev mode it waits in the outbox, and with no
     * provider at all nothing is dispatched.
     */
    static Optional<NotificationSender> notificationSender(Configuration configuration, Clock clock) {
        Configuration.Notifications notifications = configuration.notifications();
        MessageTemplates templates = MessageTemplates.load(notifications.language());
        Map<Channel, NotificationSender> providers = new EnumMap<>(Channel.class);
        notifications.smtp().ifPresent(smtp ->
                providers.put(Channel.EMAIL, new SmtpNotificationSender(smtp, templates, clock)));
        notifications.webhook().ifPresent(webhook -> {
            NotificationSender gateway = new WebhookNotificationSender(webhook, templates, clock);
            providers.put(Channel.SMS, gateway);
            providers.put(Channel.VOICE, gateway);
        });
        if (configuration.mode() == Mode.DEV) {
            return Optional.of(new RoutingNotificationSender(providers, new LogNotificationSender(true)));
        }
        if (providers.isEmpty()) {
            return Optional.empty();
        }
        EnumSet<Channel> without = EnumSet.complementOf(EnumSet.copyOf(providers.keySet()));
        if (!without.isEmpty()) {
            LOG.warn("no notification provider is configured for {}: those notifications wait in the outbox", without);
        }
        return Optional.of(new RoutingNotificationSender(providers));
    }

    /** Ready while a pooled connection to the database can be had and answers its validation query. */
    private static Readiness databaseAnswers(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(READINESS_TIMEOUT_SECONDS);
            } catch (SQLException unreachable) {
                return false;
            }
        };
    }

    private static JwtSettings jwtSettings(Configuration configuration) {
        Configuration.Claims claims = configuration.claims();
        JwtSettings defaults = JwtSettings.defaults();
        return new JwtSettings(configuration.jwtIssuer(), configuration.jwtAudience(),
                new JwtSettings.ClaimNames(claims.institution(), claims.customer(), claims.scope(),
                        claims.clientId(), claims.subject()),
                defaults.allowedAlgorithms(), defaults.maxClockSkew());
    }

    /** The port the server listens on (the chosen one when configured with 0). */
    public int port() {
        return http.port();
    }

    /** Mints tokens signed with the dev key; empty outside dev mode. */
    public Optional<TokenMinter> devTokens() {
        return devTokens;
    }

    /** Stops accepting requests, lets the background job running finish, then closes the database. */
    @Override
    public void close() {
        http.stop();
        backgroundJobs.close();
        database.close();
    }
}
