package io.contactinfo.adapter.rest.security;

import io.contactinfo.adapter.rest.BearerToken;
import io.contactinfo.adapter.rest.Dialect;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.JsonBody;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.ServerFailures;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusCommand;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusUseCase;
import io.contactinfo.application.port.in.GetCertifiedPhoneQuery;
import io.contactinfo.application.port.in.GetCertifiedPhoneUseCase;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusCommand;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Security API (seed 003, SPEC §5.3): the token's customer's certified phone and soft-token status, with
 * the {@code {type, code, details, location, moreInfo, uuid, timestamp}} error envelope.
 *
 * <p>Every request passes the same checks, in this order, before its operation runs: {@code uuid} present and
 * a UUID, then {@code Accept}, {@code client_id}, {@code countryCode},
 * {@code businessCode}, {@code channelId} and {@code sessionId} (when sent) well formed — 400
 * {@code invalidRequest} naming the header; then {@code Authorization: Bearer} with a valid token carrying an
 * institution and a customer, issued to the {@code client_id} sent when it names one — 401 {@code unAuthorized};
 * then the country, business and channel enabled for the token's institution — 403 {@code accessNotConfigured}.
 * Cheap checks of the request's shape come before cryptographic work, and every later error echoes the uuid.
 * A token without the operation's scope is a 403 {@code accessNotConfigured} too, with its own
 * {@code moreInfo}. The status change then reads its body with {@link JsonBody} ({@code Content-Type}
 * {@code application/json} in UTF-8, an object whose {@code status} is a numeric code); the rollback and the
 * read take no body.
 */
public final class SecurityApi implements Dialect {

    public static final String BASE_PATH = "/v1/x-global/security";
    private static final String CALLER = SecurityApi.class.getName() + ".caller";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityApi.class);

    private final AccessTokenVerifier tokens;
    private final AccessConfiguration access;
    private final GetCertifiedPhoneUseCase getCertifiedPhone;
    private final ChangeSoftTokenStatusUseCase changeSoftTokenStatus;
    private final RollBackSoftTokenStatusUseCase rollBackSoftTokenStatus;
    private final Clock clock;

    /**
     * @param access which country, business and channel combinations each institution enabled
     * @param clock  the source of the error envelope's {@code timestamp}
     */
    public SecurityApi(AccessTokenVerifier tokens, AccessConfiguration access,
                       GetCertifiedPhoneUseCase getCertifiedPhone, ChangeSoftTokenStatusUseCase changeSoftTokenStatus,
                       RollBackSoftTokenStatusUseCase rollBackSoftTokenStatus, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.access = Objects.requireNonNull(access, "access");
        this.getCertifiedPhone = Objects.requireNonNull(getCertifiedPhone, "getCertifiedPhone");
        this.changeSoftTokenStatus = Objects.requireNonNull(changeSoftTokenStatus, "changeSoftTokenStatus");
        this.rollBackSoftTokenStatus = Objects.requireNonNull(rollBackSoftTokenStatus, "rollBackSoftTokenStatus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public String correlationHeader() {
        return SecurityHeaders.UUID_HEADER;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.before(BASE_PATH + "/*", this::authenticate);
        HttpServer.getAndHead(routes, BASE_PATH + "/certified-phone", this::getCertifiedPhone);
        routes.put(BASE_PATH + "/soft-token/status", this::changeSoftTokenStatus);
        routes.put(BASE_PATH + "/soft-token/status/rollback", this::rollBackSoftTokenStatus);
    }

    private void getCertifiedPhone(Context ctx) {
        var query = new GetCertifiedPhoneQuery(caller(ctx));
        HttpServer.json(ctx, CertifiedPhoneResponse.of(getCertifiedPhone.get(query)));
    }

    private void changeSoftTokenStatus(Context ctx) {
        SoftTokenStatus status = JsonBody.read(ctx, SoftTokenStatusRequest.class).requested();
        var command = new ChangeSoftTokenStatusCommand(caller(ctx), status);
        HttpServer.json(ctx, SoftTokenStatusResponse.of(changeSoftTokenStatus.change(command)));
    }

    private void rollBackSoftTokenStatus(Context ctx) {
        var command = new RollBackSoftTokenStatusCommand(caller(ctx));
        HttpServer.json(ctx, SoftTokenStatusResponse.of(rollBackSoftTokenStatus.rollBack(command)));
    }

    private static CallerContext caller(Context ctx) {
        return Objects.requireNonNull(ctx.attribute(CALLER), "authenticated caller");
    }

    private void authenticate(Context ctx) {
        String uuid = SecurityHeaders.uuidOf(ctx);
        ctx.header(SecurityHeaders.UUID_HEADER, uuid);
        SecurityHeaders headers = SecurityHeaders.of(ctx, uuid);
        String token = BearerToken.from(ctx.header(SecurityHeaders.AUTHORIZATION))
                .orElseThrow(() -> new SecurityApiException(SecurityError.UNAUTHORIZED));
        CallerContext caller = callerOf(tokens.verify(token), headers);
        if (!access.enables(caller.institutionId(), headers.countryCode(), headers.businessCode(),
                headers.channelId())) {
            throw new SecurityApiException(SecurityError.ACCESS_NOT_CONFIGURED);
        }
        ctx.attribute(CALLER, caller);
    }

    /**
     * The caller the token names. The Security API acts on the token's own customer, so a token without an
     * institution or a customer is no credential for it; nor is a token issued to another client than the
     * {@code client_id} sent.
     */
    private static CallerContext callerOf(AccessToken token, SecurityHeaders headers) {
        InstitutionId institution = token.institutionId()
                .filter(IdentifierRule::isWellFormed)
                .map(InstitutionId::new)
                .orElseThrow(() -> new SecurityApiException(SecurityError.UNAUTHORIZED));
        InstitutionCustomerId customer = token.customerId()
                .filter(IdentifierRule::isWellFormed)
                .map(InstitutionCustomerId::new)
                .orElseThrow(() -> new SecurityApiException(SecurityError.UNAUTHORIZED));
        if (token.clientId().filter(issuedTo -> !issuedTo.equals(headers.clientId())).isPresent()) {
            throw new SecurityApiException(SecurityError.UNAUTHORIZED);
        }
        Set<Scope> scopes = token.scopes().stream()
                .map(Scope::fromValue)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        return new CallerContext(institution, Optional.of(customer), headers.clientId(),
                token.subject().orElse("unknown"), scopes, headers.uuid());
    }

    @Override
    public ErrorAnswer unreadable(MalformedRequestException failure) {
        SecurityErrors.Classified classified = SecurityErrors.of(failure);
        return new ErrorAnswer(classified.error().status().getCode(), SecurityErrorBody.of(classified, Language.EN,
                null, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    @Override
    public void renderError(Exception failure, Context ctx) {
        SecurityErrors.Classified classified = SecurityErrors.of(failure);
        if (classified.error().status().getCode() >= 500) {
            ServerFailures.log(LOG, failure);
        }
        Language language = Language.of(ctx.header("Accept-Language"));
        ctx.header("Content-Language", language.tag());
        // The response header is set only once the request's uuid was validated.
        String uuid = ctx.res().getHeader(SecurityHeaders.UUID_HEADER);
        HttpServer.json(ctx.status(classified.error().status()), SecurityErrorBody.of(classified, language, uuid,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}
