package io.contactinfo.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application that serves every dialect and the operations endpoints (health, metrics, the
 * OpenAPI document and its page; see {@link Operations}); the caller starts and stops it.
 */
public final class HttpServer {

    /** Bodies larger than this are refused (SPEC §5). */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private static final String ERROR_RENDERED = HttpServer.class.getName() + ".errorRendered";
    /** A percent sign that does not start a percent-encoded byte. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private HttpServer() {
    }

    /** A Javalin app serving the given dialects, ready whenever it serves; not yet started. */
    public static Javalin create(List<Dialect> dialects) {
        return create(dialects, Readiness.ALWAYS);
    }

    /**
     * A Javalin app serving the given dialects, not yet started.
     *
     * @param readiness what {@code GET /health/ready} asks: in a deployment, whether the database answers
     */
    public static Javalin create(List<Dialect> dialects, Readiness readiness) {
        List<Dialect> served = List.copyOf(dialects);
        Operations operations = new Operations(readiness);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(objectMapper(), false));
            // First, so that its timing starts before any dialect's checks.
            operations.addTo(config);
            config.jetty.modifyServer(server -> server.setErrorHandler(new UnreadableRequests(served)));
            served.forEach(dialect -> dialect.addRoutes(config.routes));
            // After the dialects' own checks (trace id, token), before any route reads its path parameters: Javalin
            // decodes them in routing, and a '%' without two hex digits after it (%u0041, %G1) would fail there as
            // an IllegalArgumentException, a 500. Such a path is the request's fault.
            served.forEach(dialect -> config.routes.before(dialect.basePath() + "/*", ctx -> {
                if (BROKEN_ESCAPE.matcher(ctx.req().getRequestURI()).find()) {
                    throw new MalformedRequestException(MalformedRequestException.Part.PATH, "path");
                }
            }));
            // Javalin's own failures (no such route, body too large) are exceptions too, so every
            // response of a dialect, whatever went wrong, is in that dialect's error format.
            config.routes.exception(Exception.class, (failure, ctx) -> renderError(served, failure, ctx));
            // A path no route matches never raises an exception: Javalin answers 404 itself.
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
                if (ctx.attribute(ERROR_RENDERED) == null) {
                    renderError(served, new NotFoundResponse(), ctx);
                }
            });
        });
    }

    /**
     * The JSON mapping every dialect shares: unknown fields ignored, absent values omitted; strict otherwise
     * (a number or boolean is not a string, nor the reverse; no duplicate keys, nothing after the value).
     */
    static ObjectMapper objectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
            if (ctx.path().startsWith(dialect.basePath())) {
                dialect.renderError(failure, ctx);
                return;
            }
        }
        if (failure instanceof HttpResponseException http) {
            ctx.status(http.getStatus()).json(new PlainError(HttpStatus.forStatus(http.getStatus()).getMessage()));
            return;
        }
        LOG.error("unexpected failure outside any dialect: {}", failure.getClass().getName());
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new PlainError("Internal server error"));
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

        private static final ObjectMapper JSON = objectMapper();

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
