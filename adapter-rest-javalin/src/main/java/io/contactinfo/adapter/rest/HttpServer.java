package io.contactinfo.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.contactinfo.adapter.rest.operations.Operations;
import io.contactinfo.adapter.rest.operations.Readiness;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the Javalin application that serves every dialect and the operations endpoints (health, metrics, the
 * OpenAPI document and its page; see {@link Operations}); the caller starts and stops it.
 */
public final class HttpServer {

    /** Bodies larger than this are refused (SPEC §5). */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** How long stopping waits for the requests in flight to finish. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the server answers with {@code Connection: close} before Jetty shuts its connectors: longer than a
     * response under way takes to be written. Jetty marks the answers itself once shut, but an answer it began
     * before and ended after went out kept-alive; the client's next request on that connection was carried out
     * and its answer never written (GracefulStopIT, about one stop in four).
     */
    static final Duration CLOSE_NOTICE = Duration.ofMillis(200);

    private static final String ERROR_RENDERED = HttpServer.class.getName() + ".errorRendered";
    private static final byte[] NO_RESULT = new byte[0];
    /** A percent sign that does not start a percent-encoded byte. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final ObjectMapper JSON = objectMapper();
    /** The key of a request's correlation id in the logging context (SLF4J's MDC). */
    public static final String CORRELATION_ID = "correlationId";

    private HttpServer() {
    }

    /** A Javalin app serving the given dialects, ready whenever it serves; not yet started. */
    public static Javalin create(List<Dialect> dialects) {
        return create(dialects, Readiness.ALWAYS);
    }

    /**
     * A Javalin app serving the given dialects, not yet started; {@code GET /metrics} shows its request metrics.
     *
     * @param readiness what {@code GET /health/ready} asks: in a deployment, whether the database answers
     */
    public static Javalin create(List<Dialect> dialects, Readiness readiness) {
        return create(dialects, readiness, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * A Javalin app serving the given dialects, not yet started.
     *
     * @param readiness what {@code GET /health/ready} asks: in a deployment, whether the database answers
     * @param registry  what {@code GET /metrics} shows: the request metrics, and the meters the caller adds to it
     */
    public static Javalin create(List<Dialect> dialects, Readiness readiness, PrometheusMeterRegistry registry) {
        Operations operations = new Operations(readiness, registry);
        AtomicBoolean stopping = new AtomicBoolean();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                // Stopping lets the requests in flight finish (up to STOP_TIMEOUT) while no new one is taken:
                // Javalin's StatisticsHandler counts them, and Jetty waits for them only when given a stop timeout.
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new UnreadableRequests(dialects));
            });
            // Jetty keeps the values of some headers per connection, Authorization among them, to reuse the parsed
            // field. A connection that carries many customers' tokens (a gateway's) fills that cache with values
            // seen once and clears it over and over (ArrayTrie.clear: 17-32 % of GET contact-methods' samples).
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(objectMapper(), false));
            // First, so that its timing starts before any dialect's checks.
            operations.addTo(config);
            // Stopping first tells each client to close its connection, for CLOSE_NOTICE; then Jetty stops.
            config.events.serverStopping(() -> {
                stopping.set(true);
                pause(CLOSE_NOTICE);
            });
            config.routes.before(ctx -> {
                if (stopping.get()) {
                    ctx.header(HttpHeader.CONNECTION.asString(), "close");
                }
            });
            install(config.routes, dialects, true);
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @param everyPath whether a path outside every dialect gets the plain 404 too, as in the standalone server */
    static void install(RoutesConfig routes, List<Dialect> dialects, boolean everyPath) {
        List<Dialect> served = List.copyOf(dialects);
        // Every line logged while serving a request names its correlation id; only a well-formed one, so that a
        // header cannot write into the logs.
        routes.before(ctx -> served.stream().filter(dialect -> within(dialect, ctx)).findFirst()
                .flatMap(dialect -> Uuids.parse(ctx.header(dialect.correlationHeader())))
                .ifPresent(id -> MDC.put(CORRELATION_ID, id.toString())));
        routes.after(ctx -> MDC.remove(CORRELATION_ID));
        served.forEach(dialect -> dialect.addRoutes(routes));
        // After the dialects' own checks (trace id, token), before any route reads its path parameters: Javalin
        // decodes them in routing, and a '%' without two hex digits after it (%u0041, %G1) would fail there as
        // an IllegalArgumentException, a 500. Such a path is the request's fault.
        served.forEach(dialect -> routes.before(dialect.basePath() + "/*", ctx -> {
            if (BROKEN_ESCAPE.matcher(ctx.req().getRequestURI()).find()) {
                throw new MalformedRequestException(MalformedRequestException.Part.PATH, "path");
            }
        }));
        // Javalin's own failures (no such route, body too large) are exceptions too, so every
        // response of a dialect, whatever went wrong, is in that dialect's error format.
        routes.exception(Exception.class, (failure, ctx) -> renderError(served, failure, ctx));
        // A path no route matches never raises an exception: Javalin answers 404 itself.
        routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(ERROR_RENDERED) == null && (everyPath || served.stream().anyMatch(d -> within(d, ctx)))) {
                renderError(served, new NotFoundResponse(), ctx);
            }
        });
    }

    /**
     * A GET route, and HEAD on the same handler, whose answer Jetty sends without its body (RFC 9110 §9.3.2).
     * Without a HEAD route of its own, Javalin answers HEAD with a bare 200 wherever a GET route matches, without
     * running the GET handler: a token without the scope, another customer's path, a database that is down all got
     * a 200.
     */
    public static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /**
     * Writes {@code body} as JSON with the dialects' mapping, not the host app's.
     *
     * <p>Straight to the response's stream, which buffers it until the request ends: a {@code ctx.result(...)} is
     * copied there through a new buffer as large as Jetty's output buffer (32 KB), a quarter of all the memory GET
     * contact-methods allocated. A result set before, which Javalin writes after the handlers, is dropped: for a
     * route it did not find, Javalin sets its own text ({@code Endpoint GET /x not found}, or its JSON when the
     * client accepts JSON), which went out after the dialect's error and made the body no longer JSON.
     */
    public static void json(Context ctx, Object body) {
        if (ctx.resultInputStream() != null) {
            ctx.result(NO_RESULT);
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unwritable answer: " + body.getClass().getName(), e);
        }
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).outputStream().write(bytes);
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    /**
     * 204 with no {@code Content-Type}: Javalin gives every answer its default type ({@code text/plain}) before the
     * handlers run, and an answer without a body has no type (RFC 9110 §8.3).
     */
    public static void noContent(Context ctx) {
        ctx.status(HttpStatus.NO_CONTENT);
        ctx.res().setContentType(null);
    }

    private static boolean within(Dialect dialect, Context ctx) {
        return ctx.path().startsWith(dialect.basePath());
    }

    /**
     * The JSON mapping every dialect shares: unknown fields ignored, absent values omitted; strict otherwise
     * (a number or boolean is not a string, nor the reverse, nor a number one of a list of names; no duplicate keys,
     * nothing after the value).
     */
    static ObjectMapper objectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Jackson takes a number for the name at that position: {"purpose":1} was CONTACT_VERIFICATION.
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static void renderError(List<Dialect> dialects, Exception failure, Context ctx) {
        ctx.attribute(ERROR_RENDERED, Boolean.TRUE);
        for (Dialect dialect : dialects) {
            if (within(dialect, ctx)) {
                dialect.renderError(failure, ctx);
                return;
            }
        }
        if (failure instanceof HttpResponseException http) {
            ctx.status(http.getStatus());
            json(ctx, new PlainError(HttpStatus.forStatus(http.getStatus()).getMessage()));
            return;
        }
        LOG.error("unexpected failure outside any dialect: {}", failure.getClass().getName());
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
        json(ctx, new PlainError("Internal server error"));
    }

    private record PlainError(String message) {
    }

    /**
     * Answers the requests Jetty refuses before any route sees them (a control character or a byte it cannot decode
     * in the request line or a header, headers or a URI too long, a broken Content-Length or chunk): in the error
     * format of the dialect whose base path the request names, as a malformed request; as {@code {message}} when it
     * names none or its path could not be read (a raw control character or a broken escape in it, or a request line
     * too long to read), always with a 4xx status. Jetty's own answer is an HTML page, or nothing but the status for
     * methods other than GET, POST and HEAD.
     */
    private static final class UnreadableRequests extends ErrorHandler {

        private final List<Dialect> dialects;

        UnreadableRequests(List<Dialect> dialects) {
            this.dialects = dialects;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? ""
                    : request.getHttpURI().getPath();
            // A request line without a version Jetty speaks is one it could not read, not a server failure.
            int status = response.getStatus() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.getCode()
                    ? HttpStatus.BAD_REQUEST.getCode() : response.getStatus();
            Dialect.ErrorAnswer answer = dialects.stream().filter(dialect -> path.startsWith(dialect.basePath()))
                    .findFirst()
                    .map(dialect -> dialect.unreadable(new MalformedRequestException(
                            MalformedRequestException.Part.HEADER, "request")))
                    .orElseGet(() -> new Dialect.ErrorAnswer(status,
                            new PlainError(HttpStatus.forStatus(status).getMessage())));
            response.setStatus(answer.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(answer.body())), callback);
            return true;
        }
    }
}
