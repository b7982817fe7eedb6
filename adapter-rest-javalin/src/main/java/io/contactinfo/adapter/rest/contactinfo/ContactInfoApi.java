package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.adapter.rest.BearerToken;
import io.contactinfo.adapter.rest.Dialect;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ListContactMethodsQuery;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Contact Info API (seeds 000 and 001, SPEC §5.1): a customer's contact methods for a
 * password reset, with UXU error codes.
 *
 * <p>Every request passes the same checks, in this order, before its operation runs:
 * {@code correlationId} present (10006) and a UUID (10007); {@code Authorization} present
 * (10005) and {@code Bearer <token>} (10009); the token valid (10001) and not expired (10003);
 * an institution claim (10004) and a customer claim (10010). Cheap checks of the request's
 * shape come before cryptographic work, and every later error can echo the correlation id.
 */
public final class ContactInfoApi implements Dialect {

    public static final String BASE_PATH = "/digitalbanking/ux-users/v1";
    static final String CORRELATION_ID = "correlationId";
    private static final String CALLER = ContactInfoApi.class.getName() + ".caller";
    private static final Logger LOG = LoggerFactory.getLogger(ContactInfoApi.class);

    private final AccessTokenVerifier tokens;
    private final ListContactMethodsUseCase listContactMethods;

    public ContactInfoApi(AccessTokenVerifier tokens, ListContactMethodsUseCase listContactMethods) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.listContactMethods = Objects.requireNonNull(listContactMethods, "listContactMethods");
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.before(BASE_PATH + "/*", this::authenticate);
        routes.get(BASE_PATH + "/customers/{customerId}/contact-methods", this::listContactMethods);
    }

    private void listContactMethods(Context ctx) {
        CallerContext caller = ctx.attribute(CALLER);
        var query = new ListContactMethodsQuery(caller, customerOfPath(ctx, caller));
        ctx.json(ContactMethodsResponse.of(listContactMethods.list(query)));
    }

    private void authenticate(Context ctx) {
        String correlationId = correlationId(ctx);
        ctx.header(CORRELATION_ID, correlationId);
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
        if (!isUuid(value)) {
            throw new UxuException(UxuError.CORRELATION_ID_NOT_GUID);
        }
        return value;
    }

    private static boolean isUuid(String value) {
        // UUID.fromString is lenient (it accepts "1-1-1-1-1"); insist on the canonical 8-4-4-4-12 form.
        if (value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
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
        InstitutionCustomerId requested;
        try {
            requested = new InstitutionCustomerId(ctx.pathParam("customerId"));
        } catch (RuleViolation malformed) {
            throw new UxuException(UxuError.INVALID_PATH_PARAM);
        }
        if (!caller.customerId().orElseThrow().equals(requested)) {
            throw new UxuException(UxuError.CUSTOMER_CLAIM_MISMATCH);
        }
        return requested;
    }

    @Override
    public void renderError(Exception failure, Context ctx) {
        UxuError error = UxuErrors.of(failure);
        if (error == UxuError.INTERNAL_ERROR) {
            // The class and where it was thrown, never the message: messages can carry personal data.
            StackTraceElement[] trace = failure.getStackTrace();
            LOG.error("request failed: {} at {}", failure.getClass().getName(), trace.length > 0 ? trace[0] : "?");
        }
        // The response header is set only once the request's correlation id was validated.
        ctx.status(error.status()).json(UxuErrorBody.of(error, ctx.res().getHeader(CORRELATION_ID)));
    }
}
