package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a loopback port that publishes a JWKS and counts how often it is fetched. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String body = new JWKSet().toString();
    private volatile int status = 200;
    private volatile String location;
    private volatile Duration delay = Duration.ZERO;

    JwksServer(JWK... keys) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        publish(keys);
    }

    /** {@code http://127.0.0.1:<port>/jwks} */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    /** Publishes these keys as they are: private parts included, to check they are dropped. */
    void publish(JWK... keys) {
        serve(new JWKSet(List.of(keys)).toString(false));
    }

    void serve(String document) {
        body = document;
        status = 200;
        location = null;
    }

    void failWith(int status) {
        this.status = status;
    }

    void redirectTo(URI target) {
        status = 302;
        location = target.toString();
    }

    void delayBy(Duration delay) {
        this.delay = delay;
    }

    int fetches() {
        return fetches.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
