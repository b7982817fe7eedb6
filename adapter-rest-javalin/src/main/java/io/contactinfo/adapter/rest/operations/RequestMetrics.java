package io.contactinfo.adapter.rest.operations;

import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and times every request by method, route template and final status — errors included, with the status
 * their dialect gave them — in {@code http_server_requests_seconds} (a Prometheus histogram). The template, not the
 * path, names the route, so customer and passcode ids never become label values; the Swagger UI files are
 * {@value #SWAGGER_UI_FILES}, and any other path no route matches is {@value #UNMATCHED}.
 */
final class RequestMetrics {

    static final String UNMATCHED = "unmatched";
    static final String SWAGGER_UI_FILES = Operations.SWAGGER_UI_PATH + "/{file}";
    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    /** Few buckets, from a fast read to a database timeout (5 s): each one is a series per route and status. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** One line per request: method, route template, status and milliseconds, with the correlation id. */
    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("io.contactinfo.http.access");
    /** Polled by monitors, or the API page's own files: not worth a line each. */
    private static final Set<String> QUIET_ROUTES = Set.of("/health/live", "/health/ready", "/metrics",
            SWAGGER_UI_FILES);

    private final PrometheusMeterRegistry registry;
    /**
     * The timers already registered: a look-up here costs less than the registry's, which builds and sorts the
     * tags for each request. Bounded as the series are: routes x methods x statuses.
     */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();
    private JavalinState javalin;

    /** @param registry where the request timers go, and what {@code /metrics} shows: other meters too */
    RequestMetrics(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Times every request, from before the first {@code before} handler of any dialect to after its response. */
    void addTo(JavalinConfig config) {
        javalin = config.unsafe;
        config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        config.routes.after(this::record);
    }

    /** Every meter in the Prometheus text exposition format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        long nanos = System.nanoTime() - started;
        String route = route(ctx);
        timers.computeIfAbsent(new Series(ctx.method().name(), route, ctx.statusCode()), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (!QUIET_ROUTES.contains(route)) {
            // The template, never the path: a path can name a customer by email address.
            ACCESS_LOG.info("{} {} {} {} ms", ctx.method().name(), route, ctx.statusCode(),
                    TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** The labels of one timer. */
    private record Series(String method, String route, int status) {
    }

    /**
     * The template of the route the request was for. A request a dialect's {@code before} handler refused never
     * reached its route, so Javalin matched none: the router is asked which one the path would have matched.
     */
    private String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        ParsedEndpoint wouldMatch = javalin.internalRouter.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
        if (wouldMatch != null) {
            return wouldMatch.endpoint.path;
        }
        return ctx.path().startsWith(Operations.SWAGGER_UI_PATH + "/") ? SWAGGER_UI_FILES : UNMATCHED;
    }
}
