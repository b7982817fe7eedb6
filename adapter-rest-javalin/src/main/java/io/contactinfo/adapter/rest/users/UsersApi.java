package io.contactinfo.adapter.rest.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.contactinfo.adapter.rest.BearerToken;
import io.contactinfo.adapter.rest.Dialect;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.JsonBody;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.ServerFailures;
import io.contactinfo.adapter.rest.Uuids;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ChangeAccountStatusCommand;
import io.contactinfo.application.port.in.ChangeAccountStatusUseCase;
import io.contactinfo.application.port.in.IdempotentRequest;
import io.contactinfo.application.port.in.EnrollUseCase;
import io.contactinfo.application.port.in.ListUsersQuery;
import io.contactinfo.application.port.in.ListUsersUseCase;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateUserNameUseCase;
import io.contactinfo.application.port.in.UpdateUserUseCase;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Users API (seed 002, SPEC §5.2) under {@code /programs/{programCode}}: enrollments, account status, and the
 * users of an account, with {@code responseDetails[{code, subCode, description, url}]} in every answer
 * ({@link UsersErrors} is the one table).
 *
 * <p>Every request passes the same checks, in this order, before its operation runs: {@code X-GD-RequestID}
 * present and a UUID (400/101; echoed from then on); {@code Authorization: Bearer} with a valid token naming an
 * institution (401); the path's {@code programCode} that institution, else 404 as for a path that does not exist,
 * so another program is never disclosed. The scope is the use case's to check (403). Each POST and PUT then
 * runs at most once per {@code X-GD-RequestID} ({@link IdempotentRequests}). One page needs none of it: the table
 * of codes each answer's {@code url} points into ({@link ResponseCodesPage}), at {@code /programs/response-codes}.
 *
 * <p>The sensitive user data comes as {@code encryptedUserData} (EC_v1 or EC_v2, decrypted by
 * {@link UserDataReader} with the server's keys; 400/105–108 when it cannot be) or, where the {@link UserDataPolicy}
 * allows it, as plain {@code userData}; never both (400/102). The idempotency fingerprint is of the body as sent,
 * the encrypted form.
 */
public final class UsersApi implements Dialect {

    public static final String BASE_PATH = "/programs";
    static final String REQUEST_ID = "X-GD-RequestID";
    private static final String PROGRAM = BASE_PATH + "/{programCode}";
    private static final String ACCOUNT = PROGRAM + "/accounts/{accountIdentifier}";
    private static final String USER = ACCOUNT + "/users/{userIdentifier}";
    private static final Logger LOG = LoggerFactory.getLogger(UsersApi.class);

    /** Answers as this dialect writes them: absent values left out. */
    private final ObjectMapper json = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private final AccessTokenVerifier tokens;
    private final EnrollUseCase enroll;
    private final ChangeAccountStatusUseCase changeAccountStatus;
    private final ListUsersUseCase listUsers;
    private final UpdateUserUseCase updateUser;
    private final UpdateUserNameUseCase updateUserName;
    private final IdempotentRequests idempotent;
    private final UserDataReader userData;
    private final Clock clock;

    /**
     * @param runOnce     runs each POST and PUT once per institution and request id, keeping its outcome for replay
     * @param userData    whether plain {@code userData} is accepted (sandbox, dev) or only encrypted (production)
     * @param decryptor   what decrypts {@code encryptedUserData}, with the server's active keys
     * @param clock       today's date, for dates of birth
     */
    public UsersApi(AccessTokenVerifier tokens, EnrollUseCase enroll, ChangeAccountStatusUseCase changeAccountStatus,
                    ListUsersUseCase listUsers, UpdateUserUseCase updateUser, UpdateUserNameUseCase updateUserName,
                    RunIdempotentRequestUseCase runOnce, UserDataPolicy userData, UserDataDecryptor decryptor,
                    Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.enroll = Objects.requireNonNull(enroll, "enroll");
        this.changeAccountStatus = Objects.requireNonNull(changeAccountStatus, "changeAccountStatus");
        this.listUsers = Objects.requireNonNull(listUsers, "listUsers");
        this.updateUser = Objects.requireNonNull(updateUser, "updateUser");
        this.updateUserName = Objects.requireNonNull(updateUserName, "updateUserName");
        this.userData = new UserDataReader(userData, decryptor);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idempotent = new IdempotentRequests(runOnce, json);
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public String correlationHeader() {
        return REQUEST_ID;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        String codes = ResponseCodesPage.html(UsersErrors.all());
        HttpServer.getAndHead(routes, ResponseCodesPage.PATH, ctx -> ctx.html(codes));
        routes.post(PROGRAM + "/enrollments", ctx -> mutate(ctx, EnrollmentRequest.class, (caller, body) ->
                new IdempotentRequests.Outcome(HttpStatus.CREATED.getCode(),
                        json.valueToTree(EnrollmentResponse.of(enroll.enroll(body.toCommand(caller, userData,
                                today())))), false)));
        routes.put(ACCOUNT + "/status", ctx -> mutate(ctx, AccountStatusRequest.class, (caller, body) ->
                ok(AccountStatusResponse.of(changeAccountStatus.change(
                        new ChangeAccountStatusCommand(caller, account(ctx), body.requested()))))));
        HttpServer.getAndHead(routes, ACCOUNT + "/users", ctx -> {
            CallerContext caller = authenticate(ctx);
            answer(ctx, ok(UsersResponse.of(listUsers.list(new ListUsersQuery(caller, account(ctx))))));
        });
        routes.put(USER, ctx -> mutate(ctx, UpdateUserRequest.class, (caller, body) -> {
            updateUser.update(body.toCommand(caller, account(ctx), user(ctx), userData, today()));
            return ok(new ResponseDetail.Only(ResponseDetail.SUCCESS));
        }));
        routes.put(USER + "/name", ctx -> mutate(ctx, UpdateUserNameRequest.class, (caller, body) -> {
            updateUserName.update(body.toCommand(caller, account(ctx), user(ctx), userData));
            return ok(new ResponseDetail.Only(ResponseDetail.SUCCESS));
        }));
    }

    /** What a mutation does with the caller and its body, given it runs. */
    private interface Work<T> {
        IdempotentRequests.Outcome run(CallerContext caller, T body);
    }

    /**
     * Authenticates, reads the body, then runs {@code work} once per {@code X-GD-RequestID}: the core's refusals
     * are outcomes too, stored and replayed; the server's failures and the token's are not.
     */
    private <T> void mutate(Context ctx, Class<T> bodyType, Work<T> work) {
        CallerContext caller = authenticate(ctx);
        T body = JsonBody.read(ctx, bodyType);
        IdempotentRequest request = new IdempotentRequest(caller, UUID.fromString(caller.correlationId()),
                idempotent.fingerprint(ctx.method().name(), ctx.path(), body));
        IdempotentRequests.Outcome outcome = idempotent.run(request, () -> work.run(caller, body),
                failure -> refused(UsersErrors.of(failure)));
        if (outcome.status() >= HttpStatus.BAD_REQUEST.getCode()) {
            throw new RefusedOutcome(outcome);
        }
        answer(ctx, outcome);
    }

    private IdempotentRequests.Outcome ok(Object body) {
        return new IdempotentRequests.Outcome(HttpStatus.OK.getCode(), json.valueToTree(body), false);
    }

    private IdempotentRequests.Outcome refused(UsersErrors.Refusal refusal) {
        return new IdempotentRequests.Outcome(refusal.status(),
                json.valueToTree(new ResponseDetail.Only(ResponseDetail.of(refusal))), false);
    }

    private void answer(Context ctx, IdempotentRequests.Outcome outcome) {
        if (outcome.replayed()) {
            ctx.header("X-GD-Idempotent-Replay", "true");
        }
        HttpServer.json(ctx.status(outcome.status()), outcome.body());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private CallerContext authenticate(Context ctx) {
        String requestId = ctx.header(REQUEST_ID);
        if (Uuids.parse(requestId).isEmpty()) {
            throw new UsersApiException(UsersError.INVALID_REQUEST_ID);
        }
        ctx.header(REQUEST_ID, requestId);
        String token = BearerToken.from(ctx.header("Authorization"))
                .orElseThrow(() -> new UsersApiException(UsersError.UNAUTHORIZED));
        AccessToken claims = tokens.verify(token);
        InstitutionId institution = claims.institutionId()
                .filter(IdentifierRule::isWellFormed)
                .map(InstitutionId::new)
                .orElseThrow(() -> new UsersApiException(UsersError.UNAUTHORIZED));
        if (!institution.value().equals(ctx.pathParam("programCode"))) {
            throw new UsersApiException(UsersError.NOT_FOUND);
        }
        Set<Scope> scopes = claims.scopes().stream()
                .map(Scope::fromValue)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        return new CallerContext(institution,
                claims.customerId().filter(IdentifierRule::isWellFormed).map(InstitutionCustomerId::new),
                claims.clientId().orElse("unknown"), claims.subject().orElse("unknown"), scopes, requestId);
    }

    /** The path's account; an identifier that is not a UUID names no account (404/1). */
    private static AccountId account(Context ctx) {
        return pathId(ctx, "accountIdentifier", AccountId::new, UsersError.ACCOUNT_NOT_FOUND);
    }

    /** The path's user; an identifier that is not a UUID names no user (404/2). */
    private static UserId user(Context ctx) {
        return pathId(ctx, "userIdentifier", UserId::new, UsersError.USER_NOT_FOUND);
    }

    private static <T> T pathId(Context ctx, String name, Function<UUID, T> id, UsersError unknown) {
        return Uuids.parse(ctx.pathParam(name)).map(id).orElseThrow(() -> new UsersApiException(unknown));
    }

    @Override
    public ErrorAnswer unreadable(MalformedRequestException failure) {
        IdempotentRequests.Outcome outcome = refused(UsersErrors.of(failure));
        return new ErrorAnswer(outcome.status(), outcome.body());
    }

    @Override
    public void renderError(Exception failure, Context ctx) {
        if (failure instanceof RefusedOutcome refused) {
            answer(ctx, refused.outcome());
            return;
        }
        UsersErrors.Refusal refusal = UsersErrors.of(failure);
        if (refusal.status() >= 500) {
            ServerFailures.log(LOG, failure);
        }
        answer(ctx, refused(refusal));
    }
}
