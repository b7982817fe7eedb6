package io.contactinfo.bootstrap;

import com.nimbusds.jose.jwk.JWK;
import io.contactinfo.adapter.auth.DevSigningKey;
import io.contactinfo.adapter.auth.JwksSettings;
import io.contactinfo.adapter.auth.JwtAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.TokenMinter;
import io.contactinfo.adapter.auth.TrustedKeys;
import io.contactinfo.adapter.notification.LogNotificationSender;
import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.adapter.persistence.DatabaseSettings;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.contactinfo.ContactInfoApi;
import io.contactinfo.adapter.rest.operations.Readiness;
import io.contactinfo.adapter.rest.security.SecurityApi;
import io.contactinfo.adapter.rest.users.UserDataPolicy;
import io.contactinfo.adapter.rest.users.UsersApi;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.service.DispatchNotificationsService;
import io.contactinfo.application.service.PurgeExpiredRecordsService;
import io.contactinfo.domain.otp.OtpPolicy;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The standalone server: every module wired by hand, started on the configured port.
 *
 * <p>In dev mode it also keeps a signing key under the data directory, trusts its public half,
 * and loads the demo institution's customers on first start (SPEC §7).
 */
public final class ContactInfoServer implements AutoCloseable {

    /** The dev signing key's file, under the data directory. */
    static final Path DEV_KEY_FILE = Path.of("dev-signing-key.jwk");
    /** How long {@code GET /health/ready} waits for the database to answer. */
    private static final int READINESS_TIMEOUT_SECONDS = 2;

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

        Database database = Databases.open(configuration, DatabaseSettings.DEFAULT_MAX_POOL_SIZE);
        try {
            if (configuration.mode() == Mode.DEV) {
                DemoData.loadIfEmpty(database.userRepository(), database.softTokenRepository(), clock);
            }
            UseCases useCases = UseCases.on(database, configuration.mode().emailPolicy(), OtpPolicy.DEFAULTS, clock);
            Javalin http = HttpServer.create(List.of(
                    new ContactInfoApi(verifier, useCases.listContactMethods(), useCases.updateContactInfo(),
                            useCases.sendOtp(), useCases.verifyOtp()),
                    new SecurityApi(verifier, DemoData.ACCESS, useCases.getCertifiedPhone(),
                            useCases.changeSoftTokenStatus(), useCases.rollBackSoftTokenStatus(), clock),
                    new UsersApi(verifier, useCases.enroll(), useCases.changeAccountStatus(), useCases.listUsers(),
                            useCases.updateUser(), useCases.updateUserName(), database.idempotencyStore(),
                            // Plain user data only where the source program allows it: its sandbox.
                            configuration.mode() == Mode.DEV ? UserDataPolicy.PLAIN_ACCEPTED
                                    : UserDataPolicy.ENCRYPTED_ONLY, clock)),
                    databaseAnswers(database.dataSource()));
            http.start(configuration.httpPort());
            return new ContactInfoServer(database, http, backgroundJobs(configuration, database, clock),
                    devKey.map(key -> devTokens(key, jwt, clock)));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Dev mode "delivers" notifications to the log, passcodes shown; other senders come with configuration. */
    private static BackgroundJobs backgroundJobs(Configuration configuration, Database database, Clock clock) {
        Optional<DispatchNotificationsUseCase> dispatch = configuration.mode() == Mode.DEV
                ? Optional.of(new DispatchNotificationsService(database.outboxQueue(), new LogNotificationSender(true),
                        DispatchNotificationsService.Settings.DEFAULTS, clock))
                : Optional.empty();
        return new BackgroundJobs(dispatch, new PurgeExpiredRecordsService(database.otpStore(),
                database.idempotencyStore(), PurgeExpiredRecordsService.Retention.DEFAULTS, clock));
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

    /** Stops accepting requests, lets the background job running finish, then closes the database. */
    @Override
    public void close() {
        http.stop();
        backgroundJobs.close();
        database.close();
    }
}
