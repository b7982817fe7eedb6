package io.contactinfo.adapter.notification.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contactinfo.adapter.notification.WebhookNotificationSender;
import io.contactinfo.adapter.notification.WebhookSignature;
import io.contactinfo.adapter.notification.WebhookSignature.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMS/voice gateway for tests, on a real HTTP server (the JDK's) on the loopback address. It checks each request
 * the way a receiver should, with {@link WebhookSignature#verify} (five minutes of tolerance, on the given clock),
 * answers 401 to one that fails, otherwise as scripted (200 once the script is done), and records every request.
 */
public final class RecordingGateway implements AutoCloseable {

    /** How far a request's timestamp may be from the gateway's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /**
     * One request as the gateway received and answered it.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header
     * @param contentType    the {@code Content-Type} header
     * @param body           the body, decoded as UTF-8
     * @param verification   what the signature check found
     * @param status         the status the gateway answered
     */
    public record Request(String idempotencyKey, String contentType, String body, Verification verification,
                          int status) {

        /** The gateway took the message. */
        public boolean accepted() {
            return status >= 200 && status <= 299;
        }
    }

    private final String secret;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Duration stall = Duration.ZERO;

    private RecordingGateway(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/messages", this::handle);
        server.start();
    }

    /** A gateway sharing {@code secret} with the sender, its clock {@code clock}, listening from now on. */
    public static RecordingGateway start(String secret, Clock clock) {
        return new RecordingGateway(secret, clock);
    }

    /** Where the sender posts. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    /** Answers the next requests with these statuses, in order; then 200 again. */
    public synchronized void answerNext(int... statuses) {
        for (int status : statuses) {
            script.addLast(status);
        }
    }

    /** Waits this long before answering each request from now on: longer than the sender's timeout, say. */
    public synchronized void stall(Duration wait) {
        stall = wait;
    }

    /** Every request received, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests the gateway took (answered 2xx). */
    public synchronized List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            Verification verification = WebhookSignature.verify(secret,
                    headers.getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), clock.instant(), TOLERANCE);
            Duration wait;
            int status;
            synchronized (this) {
                wait = stall;
                Integer scripted = script.pollFirst();
                status = !verification.isValid() ? 401 : scripted == null ? 200 : scripted;
                requests.add(new Request(headers.getFirst(WebhookNotificationSender.IDEMPOTENCY_KEY_HEADER),
                        headers.getFirst("Content-Type"), body, verification, status));
            }
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
