package io.contactinfo.bootstrap;

import com.nimbusds.jose.jwk.JWK;
import io.contactinfo.adapter.auth.DevSigningKey;
import io.contactinfo.adapter.auth.JwksSettings;
import io.contactinfo.adapter.auth.CachingAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.PemPublicKeys;
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
import io.contactinfo.adapter.rest.operations.Readiness;
import io.contactinfo.adapter.rest.security.AccessConfiguration;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.domain.contact.Channel;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
    /** Distinct accepted tokens remembered at once: ample for one server's clients, bounded memory (~1 KB each). */
    private static final int VERIFIED_TOKENS_CACHED = 10_000;
    /** How long {@code GET /health/ready} waits for the database to answer. */
    private static final int READINESS_TIMEOUT_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(ContactInfoServer.class);

    private final ContactInfo contactInfo;
    private final Javalin http;
    private final Optional<TokenMinter> devTokens;

    private ContactInfoServer(ContactInfo contactInfo, Javalin http, Optional<TokenMinter> devTokens) {
        this.contactInfo = contactInfo;
        this.http = http;
        this.devTokens = devTokens;
    }

    /** Opens the database (migrating it), wires the use cases and starts listening. */
    public static ContactInfoServer start(Configuration configuration, Clock clock) {
        JwtSettings jwt = jwtSettings(configuration);
        Optional<DevSigningKey> devKey = configuration.mode() == Mode.DEV
                ? Optional.of(DevSigningKey.loadOrCreate(configuration.dataDirectory().resolve(DEV_KEY_FILE)))
                : Optional.empty();
        List<JWK> extraKeys = new ArrayList<>(jwtPublicKeys(configuration));
        devKey.ifPresent(key -> extraKeys.add(key.publicJwk()));
        JwksSettings jwks = JwksSettings.defaults();
        // A client sends the same token on every call: its ES256/RS256 signature is checked once, not per request.
        // A token is re-verified after the JWKS cache's time to live: a removed key is honoured at most twice that.
        var verifier = new CachingAccessTokenVerifier(
                new JwtAccessTokenVerifier(TrustedKeys.source(configuration.jwksUri(), extraKeys, jwks), jwt, clock),
                clock, jwt.maxClockSkew(), jwks.cacheTtl(), VERIFIED_TOKENS_CACHED);

        // Before the database opens: a missing or unreadable key stops the start with nothing to undo.
        ServerKeys userDataKeys = UserDataKeys.resolve(configuration);
        Database database = Databases.open(configuration, DatabaseSettings.DEFAULT_MAX_POOL_SIZE);
        try {
            if (configuration.mode() == Mode.DEV) {
                DemoData.loadIfEmpty(database.userRepository(), database.softTokenRepository(), clock);
            }
            // One registry for /metrics: the HTTP requests' timers and the notifications' counters.
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ContactInfo.Builder wiring = ContactInfo.builder()
                    .database(database)
                    .accessTokens(verifier)
                    .clock(clock)
                    .securityAccess(securityAccess(configuration))
                    .otpPolicy(configuration.otpPolicy())
                    .userDataKeys(userDataKeys)
                    .meterRegistry(registry)
                    // Dev mode runs the source program's sandbox rules: a '+' in an email, plain user data.
                    .sandbox(configuration.mode() == Mode.DEV);
            notificationSender(configuration, clock).ifPresent(wiring::notificationSender);
            ContactInfo contactInfo = wiring.build();
            Javalin http = HttpServer.create(contactInfo.dialects(), databaseAnswers(database.dataSource()), registry);
            http.start(configuration.httpPort());
            LOG.info("Contact Info {} started in {} mode: database {}, listening on port {}", version(),
                    configuration.mode().name().toLowerCase(Locale.ROOT), withoutParameters(configuration.databaseUrl()),
                    http.port());
            return new ContactInfoServer(contactInfo, http, devKey.map(key -> devTokens(key, jwt, clock)));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The keys of the PEM files of {@link Setting#JWT_PUBLIC_KEYS}, in their order. */
    private static List<JWK> jwtPublicKeys(Configuration configuration) {
        List<JWK> keys = new ArrayList<>();
        for (Path file : configuration.jwtPublicKeys()) {
            keys.addAll(KeyFiles.read(Setting.JWT_PUBLIC_KEYS, file, PemPublicKeys::read,
                    Setting.JWT_PUBLIC_KEYS.variable() + ": cannot read " + file));
        }
        return keys;
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

    /** The configured combinations; the demo institution's when none is configured in dev mode. */
    static AccessConfiguration securityAccess(Configuration configuration) {
        if (configuration.securityAccess().isEmpty() && configuration.mode() == Mode.DEV) {
            return DemoData.ACCESS;
        }
        return AccessConfiguration.granting(configuration.securityAccess());
    }

    /** The jar's version, from its manifest; classes run from a build directory have none. */
    static String version() {
        return Optional.ofNullable(ContactInfoServer.class.getPackage().getImplementationVersion())
                .orElse("(development build)");
    }

    /** A JDBC URL without its parameters, which may carry a user or a password. */
    static String withoutParameters(String jdbcUrl) {
        int parameters = jdbcUrl.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(separator);
            if (at >= 0) {
                parameters = Math.min(parameters, at);
            }
        }
        return jdbcUrl.substring(0, parameters);
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

    /** Mints tokens with the dev key, with the claim names, issuer and audience the server's verifier expects. */
    static TokenMinter devTokens(DevSigningKey key, JwtSettings jwt, Clock clock) {
        return new TokenMinter(key.signingKey(), jwt.claimNames(), jwt.issuer(), jwt.audience(), clock);
    }

    static JwtSettings jwtSettings(Configuration configuration) {
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

    /**
     * Stops accepting requests and lets those in flight finish (up to {@link HttpServer#STOP_TIMEOUT}), lets the
     * background job running finish, then closes the database.
     */
    @Override
    public void close() {
        LOG.info("stopping: requests in flight may finish for up to {} s", HttpServer.STOP_TIMEOUT.toSeconds());
        http.stop();
        contactInfo.close();
        LOG.info("stopped");
    }
}
