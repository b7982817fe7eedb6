package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.adapter.rest.BearerToken;
import io.contactinfo.adapter.rest.Dialect;
import io.contactinfo.adapter.rest.ForwardedFor;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.JsonBody;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.ServerFailures;
import io.contactinfo.adapter.rest.Uuids;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ListContactMethodsQuery;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.SendOtpCommand;
import io.contactinfo.application.port.in.SendOtpUseCase;
import io.contactinfo.application.port.in.UpdateContactInfoCommand.UserIdType;
import io.contactinfo.application.port.in.UpdateContactInfoUseCase;
import io.contactinfo.application.port.in.VerifyOtpCommand;
import io.contactinfo.application.port.in.VerifyOtpUseCase;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Contact Info API (seeds 000 and 001, SPEC §5.1): a customer's contact methods, the update of their contact
 * info, and one-time passcodes, with UXU error codes ({@link UxuErrors} is the one table).
 *
 * <p>Every request passes the same checks, in this order, before its operation runs:
 * {@code correlationId} present (10006) and a UUID (10007); {@code X-Forwarded-For}, when sent, a list of IP
 * literals (10008); {@code Authorization} present (10005) and {@code Bearer <token>} (10009); the token valid
 * (10001) and not expired (10003); an institution claim (10004) and a customer claim (10010). Cheap checks of the
 * request's shape come before cryptographic work, and every later error can echo the correlation id. Then an
 * operation refuses any query parameter (10014, none takes one), reads its path parameters (10012; 10011 when
 * the path's customer is not the token's) and its JSON body (99999 naming the field).
 */
public final class ContactInfoApi implements Dialect {

    public static final String BASE_PATH = "/digitalbanking/ux-users/v1";
    static final String CORRELATION_ID = "correlationId";
    private static final String CALLER = ContactInfoApi.class.getName() + ".caller";
    /** The longest login id or email address a path may carry (an email address is at most 255 characters). */
    private static final int MAX_LOGIN_ID_LENGTH = 255;
    private static final Logger LOG = LoggerFactory.getLogger(ContactInfoApi.class);

    private final AccessTokenVerifier tokens;
    private final ListContactMethodsUseCase listContactMethods;
    private final UpdateContactInfoUseCase updateContactInfo;
    private final SendOtpUseCase sendOtp;
    private final VerifyOtpUseCase verifyOtp;

    public ContactInfoApi(AccessTokenVerifier tokens, ListContactMethodsUseCase listContactMethods,
                          UpdateContactInfoUseCase updateContactInfo, SendOtpUseCase sendOtp,
                          VerifyOtpUseCase verifyOtp) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.listContactMethods = Objects.requireNonNull(listContactMethods, "listContactMethods");
        this.updateContactInfo = Objects.requireNonNull(updateContactInfo, "updateContactInfo");
        this.sendOtp = Objects.requireNonNull(sendOtp, "sendOtp");
        this.verifyOtp = Objects.requireNonNull(verifyOtp, "verifyOtp");
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public String correlationHeader() {
        return CORRELATION_ID;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.before(BASE_PATH + "/*", this::authenticate);
        // Javalin matches the literal ":contact-info" / ":verify" after a parameter within one path segment.
        HttpServer.getAndHead(routes, BASE_PATH + "/customers/{customerId}/contact-methods",
                operation(this::listContactMethods));
        routes.put(BASE_PATH + "/customers/{customerId}:contact-info", operation(this::updateContactInfo));
        routes.post(BASE_PATH + "/customers/{customerId}/otp", operation(this::sendOtp));
        routes.post(BASE_PATH + "/customers/{customerId}/otp/{otpId}:verify", operation(this::verifyOtp));
    }

    /** An operation of this API: none takes a query parameter, so any is refused (10014). */
    private static Handler operation(Handler handler) {
        return ctx -> {
            if (!ctx.queryParamMap().isEmpty()) {
                throw new MalformedRequestException(MalformedRequestException.Part.QUERY,
                        ctx.queryParamMap().keySet().iterator().next());
            }
            handler.handle(ctx);
        };
    }

    private void listContactMethods(Context ctx) {
        CallerContext caller = ctx.attribute(CALLER);
        var query = new ListContactMethodsQuery(caller, customerOfPath(ctx, caller));
        HttpServer.json(ctx, ContactMethodsResponse.of(listContactMethods.list(query)));
    }

    /** 204; the path names the customer by customer id, or by login id or email ({@code userIdType: LOGIN_ID}). */
    private void updateContactInfo(Context ctx) {
        CallerContext caller = ctx.attribute(CALLER);
        UpdateContactInfoRequest body = JsonBody.read(ctx, UpdateContactInfoRequest.class);
        String userId = body.userIdTypeOrDefault() == UserIdType.CUSTOMER_ID
                ? customerOfPath(ctx, caller).value() : loginIdOfPath(ctx);
        updateContactInfo.update(body.toCommand(caller, userId));
        HttpServer.noContent(ctx);
    }

    private void sendOtp(Context ctx) {
        CallerContext caller = ctx.attribute(CALLER);
        InstitutionCustomerId customer = customerOfPath(ctx, caller);
        SendOtpRequest body = JsonBody.read(ctx, SendOtpRequest.class);
        var command = new SendOtpCommand(caller, customer, body.contactMethod(), body.purposeOrDefault());
        HttpServer.json(ctx.status(HttpStatus.ACCEPTED), SentOtpResponse.of(sendOtp.send(command)));
    }

    /** 200 {@code {verified: true, ...}}, or {@code {verified: false}} for a wrong code (the attempt counts). */
    private void verifyOtp(Context ctx) {
        CallerContext caller = ctx.attribute(CALLER);
        InstitutionCustomerId customer = customerOfPath(ctx, caller);
        OtpChallengeId otpId = Uuids.parse(ctx.pathParam("otpId")).map(OtpChallengeId::new)
                .orElseThrow(() -> new MalformedRequestException(MalformedRequestException.Part.PATH, "otpId"));
        VerifyOtpRequest body = JsonBody.read(ctx, VerifyOtpRequest.class);
        var command = new VerifyOtpCommand(caller, customer, otpId, new OtpCode(body.code()));
        try {
            HttpServer.json(ctx, VerifiedOtpResponse.of(verifyOtp.verify(command)));
        } catch (RuleViolation rejected) {
            if (rejected.rule() != OtpRule.CODE_MISMATCH) {
                throw rejected;
            }
            HttpServer.json(ctx, VerifiedOtpResponse.MISMATCH);
        }
    }

    private void authenticate(Context ctx) {
        String correlationId = correlationId(ctx);
        ctx.header(CORRELATION_ID, correlationId);
        ForwardedFor.read(ctx);
        String authorization = ctx.header("Authorization");
        if (authorization == null) {
            throw new UxuException(UxuError.MISSING_AUTHORIZATION);
        }
        String token = BearerToken.from(authorization)
                .orElseThrow(() -> new UxuException(UxuError.INVALID_AUTHORIZATION));
        ctx.attribute(CALLER, callerOf(tokens.verify(token), correlationId));
    }

    private static String correlationId(Context ctx) {
        String value = ctx.header(CORRELATION_ID);
        if (value == null || value.isBlank()) {
            throw new UxuException(UxuError.MISSING_CORRELATION_ID);
        }
        if (Uuids.parse(value).isEmpty()) {
            throw new UxuException(UxuError.CORRELATION_ID_NOT_GUID);
        }
        return value;
    }

    private static CallerContext callerOf(AccessToken token, String correlationId) {
        InstitutionId institution = token.institutionId()
                .filter(IdentifierRule::isWellFormed)
                .map(InstitutionId::new)
                .orElseThrow(() -> new UxuException(UxuError.NO_INSTITUTION_CLAIM));
        InstitutionCustomerId customer = token.customerId()
                .filter(IdentifierRule::isWellFormed)
                .map(InstitutionCustomerId::new)
                .orElseThrow(() -> new UxuException(UxuError.NO_CUSTOMER_CLAIM));
        Set<Scope> scopes = token.scopes().stream()
                .map(Scope::fromValue)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        return new CallerContext(institution, Optional.of(customer), token.clientId().orElse("unknown"),
                token.subject().orElse("unknown"), scopes, correlationId);
    }

    /** The path's customer, which must be the token's own (10012 when malformed, 10011 when another). */
    private static InstitutionCustomerId customerOfPath(Context ctx, CallerContext caller) {
        String value = ctx.pathParam("customerId");
        if (!IdentifierRule.isWellFormed(value)) {
            throw new MalformedRequestException(MalformedRequestException.Part.PATH, "customerId");
        }
        InstitutionCustomerId requested = new InstitutionCustomerId(value);
        if (!caller.customerId().orElseThrow().equals(requested)) {
            throw new UxuException(UxuError.CUSTOMER_CLAIM_MISMATCH);
        }
        return requested;
    }

    /**
     * The path's login id or email address (10012 when empty, too long, or with spaces or control characters).
     * Whether it names the token's own customer is the use case's to decide: 88890 when it does not.
     */
    private static String loginIdOfPath(Context ctx) {
        String value = ctx.pathParam("customerId");
        if (value.isEmpty() || value.length() > MAX_LOGIN_ID_LENGTH
                || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new MalformedRequestException(MalformedRequestException.Part.PATH, "customerId");
        }
        return value;
    }

    @Override
    public ErrorAnswer unreadable(MalformedRequestException failure) {
        UxuErrors.Refusal refusal = UxuErrors.of(failure);
        return new ErrorAnswer(refusal.error().status().getCode(), UxuErrorBody.of(refusal, null));
    }

    @Override
    public void renderError(Exception failure, Context ctx) {
        UxuErrors.Refusal refusal = UxuErrors.of(failure);
        if (refusal.error() == UxuError.INTERNAL_ERROR || refusal.error() == UxuError.SERVICE_UNAVAILABLE) {
            ServerFailures.log(LOG, failure);
        }
        // The response header is set only once the request's correlation id was validated.
        HttpServer.json(ctx.status(refusal.error().status()),
                UxuErrorBody.of(refusal, ctx.res().getHeader(CORRELATION_ID)));
    }
}
