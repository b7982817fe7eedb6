package io.contactinfo.adapter.rest.operations;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoints (SPEC §5.4), served beside the dialects and without a token: {@code GET /health/live},
 * {@code GET /health/ready}, {@code GET /metrics} (Prometheus), {@code GET /openapi.json} (OpenAPI 3.1 of every
 * dialect) and, at {@code /}, Swagger UI on that document, served from the classpath (no CDN).
 */
public final class Operations {

    static final String OPENAPI_PATH = "/openapi.json";
    /** Where the Swagger UI files of the {@code org.webjars:swagger-ui} jar are served. */
    static final String SWAGGER_UI_PATH = "/swagger-ui";
    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern SWAGGER_UI_FILE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");
    private static final Map<String, String> SWAGGER_UI_TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "png", "image/png",
            "map", "application/json");
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final Readiness readiness;
    private final RequestMetrics metrics;
    private final byte[] openApi = resource("openapi.json");
    private final String swaggerUiVersion = swaggerUiVersion();
    private final String page = new String(resource("index.html"), StandardCharsets.UTF_8)
            .replace("{swaggerUi}", SWAGGER_UI_PATH).replace("{openApi}", OPENAPI_PATH);

    /**
     * @param readiness asked by {@code GET /health/ready}; the one part of the service outside this process
     * @param registry  what {@code GET /metrics} shows: the request metrics, and any meter the caller adds to it
     */
    public Operations(Readiness readiness, PrometheusMeterRegistry registry) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.metrics = new RequestMetrics(registry);
    }

    /** Adds the endpoints, the Swagger UI files and the request metrics; call before any dialect adds its routes. */
    public void addTo(JavalinConfig config) {
        metrics.addTo(config);
        // HEAD on the probes' own handlers: Javalin answers a HEAD it has no route for with a bare 200 wherever a GET
        // route matches, so a load balancer probing with HEAD saw a database that was down as ready.
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.HEAD)) {
            config.routes.addHttpHandler(method, "/health/live", ctx -> ctx.json(Health.UP));
            config.routes.addHttpHandler(method, "/health/ready", this::ready);
        }
        config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
        config.routes.get(OPENAPI_PATH, ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApi));
        config.routes.get("/", ctx -> ctx.html(page));
        // A route rather than Javalin's static files: those open the whole runnable jar as a file system to serve
        // a directory of it, which took a tenth of the server's start-up.
        config.routes.get(SWAGGER_UI_PATH + "/{file}", this::swaggerUiFile);
    }

    /** A file of the Swagger UI jar's directory; a name, never a path. */
    private void swaggerUiFile(Context ctx) {
        String file = ctx.pathParam("file");
        String type = SWAGGER_UI_TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        if (!SWAGGER_UI_FILE.matcher(file).matches() || type == null) {
            throw new NotFoundResponse();
        }
        InputStream content = Operations.class.getResourceAsStream(
                "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion + "/" + file);
        if (content == null) {
            throw new NotFoundResponse();
        }
        ctx.contentType(type).result(content);
    }

    private void ready(Context ctx) {
        boolean ready;
        try {
            ready = readiness.isReady();
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed: {}", e.getClass().getName());
            ready = false;
        }
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(ready ? Health.UP : Health.DOWN);
    }

    /** The body of both health endpoints. */
    record Health(String status) {
        static final Health UP = new Health("UP");
        static final Health DOWN = new Health("DOWN");
    }

    private static byte[] resource(String name) {
        try (InputStream in = Operations.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version directory of the Swagger UI jar on the classpath, read from its Maven metadata. */
    private static String swaggerUiVersion() {
        try (InputStream in = Operations.class.getResourceAsStream(SWAGGER_UI_POM)) {
            Properties pom = new Properties();
            pom.load(Objects.requireNonNull(in, SWAGGER_UI_POM));
            return Objects.requireNonNull(pom.getProperty("version"), "version of " + SWAGGER_UI_POM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
