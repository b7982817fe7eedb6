package io.contactinfo.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server lets a request in flight finish and answer, and takes no new one. */
class GracefulShutdownTest {

    /** A dialect whose one route answers after a while, once it has told the test it started. */
    private static final class Slow implements Dialect {

        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public String basePath() {
            return "/slow";
        }

        @Override
        public String correlationHeader() {
            return "correlationId";
        }

        @Override
        public void addRoutes(RoutesConfig routes) {
            routes.get("/slow", ctx -> {
                started.countDown();
                Thread.sleep(1_000);
                ctx.result("finished");
            });
        }

        @Override
        public void renderError(Exception failure, Context ctx) {
            ctx.status(500).result("failed");
        }

        @Override
        public ErrorAnswer unreadable(MalformedRequestException failure) {
            return new ErrorAnswer(400, "unreadable");
        }
    }

    @Test
    void stop_letsTheRequestInFlightFinish_andRefusesNewConnections() throws Exception {
        Slow slow = new Slow();
        Javalin server = HttpServer.create(List.of(slow)).start("127.0.0.1", 0);
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slow");
        HttpClient http = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
        server.stop();

        HttpResponse<String> answered = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("finished");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
}
