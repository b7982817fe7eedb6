package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.adapter.rest.DialectsPlugin;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API mounted on a host service's own Javalin app ({@link DialectsPlugin}): it answers as the standalone
 * server does, whatever JSON mapping the host configured, and the host's own routes and handlers keep working.
 */
class MountedOnHostAppTest {

    /** A host mapping that would garble any answer written through it. */
    private static final JsonMapper HOST_MAPPER = new JsonMapper() {
        @NotNull
        @Override
        public String toJsonString(@NotNull Object obj, @NotNull Type type) {
            return "\"host mapper\"";
        }
    };

    private ContactInfoServer server;

    @BeforeEach
    void start() {
        server = new ContactInfoServer(api -> Javalin.create(config -> {
            config.jsonMapper(HOST_MAPPER);
            config.routes.get("/host/hello", ctx -> ctx.result("hello from the host"));
            config.routes.get("/host/broken", ctx -> {
                throw new IllegalStateException("the host's own failure");
            });
            config.routes.exception(IllegalStateException.class,
                    (failure, ctx) -> ctx.status(HttpStatus.IM_A_TEAPOT).result("handled by the host"));
            config.registerPlugin(new DialectsPlugin(List.of(api)));
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theApi_answersWithItsOwnJsonMapping() throws Exception {
        HttpResponse<String> response = server.call("GET", "/customers/c-1001/contact-methods").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = ContactInfoServer.JSON.readTree(response.body());
        assertThat(body.get("contactMethods")).isNotEmpty();
    }

    @Test
    void theApisRefusals_areInItsErrorFormat() throws Exception {
        JsonNode missingCorrelation = ContactInfoServer.JSON.readTree(server.call("GET",
                "/customers/c-1001/contact-methods").header("correlationId", null).send().body());
        HttpResponse<String> unknownPath = server.call("GET", "/customers/c-1001/no-such-thing").send();

        assertThat(missingCorrelation.toString()).contains("UXU_10006");
        try (ContactInfoServer standalone = new ContactInfoServer()) {
            HttpResponse<String> asStandalone = standalone.call("GET", "/customers/c-1001/no-such-thing").send();
            assertThat(unknownPath.statusCode()).isEqualTo(asStandalone.statusCode());
            assertThat(unknownPath.body()).contains("UXU_").isEqualTo(asStandalone.body());
        }
    }

    @Test
    void theHostsRoutesAndHandlers_keepWorking() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> hello = http.send(HttpRequest.newBuilder(server.uri("/host/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> broken = http.send(HttpRequest.newBuilder(server.uri("/host/broken")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(hello.body()).isEqualTo("hello from the host");
        assertThat(broken.statusCode()).isEqualTo(418);
        assertThat(broken.body()).isEqualTo("handled by the host");
    }
}
