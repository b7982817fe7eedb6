package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code X-GD-RequestID} as the idempotency key (SPEC §5.2), over real HTTP: the same id and body replay the
 * stored answer without the work being done again, another body is refused with 409, twins sent together do
 * the work once.
 */
class IdempotencyApiTest {

    private static final String KEY = "7d9f2c1e-5b3a-4e8d-9c6f-1a2b3c4d5e6f";

    private UsersServer server;

    @BeforeEach
    void start() {
        server = new UsersServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> enroll(String requestId, ObjectNode body) throws Exception {
        return server.call("POST", "/enrollments").requestId(requestId).json(body).send();
    }

    @Test
    void theSameRequestIdAndBody_replayTheStoredAnswer_withoutEnrollingAgain() throws Exception {
        HttpResponse<String> first = enroll(KEY, person("123456789", "2125550147"));
        // Same fields, other spacing and order: the same request.
        HttpResponse<String> again = server.call("POST", "/enrollments").requestId(KEY)
                .json(person("123456789", "2125550147").toPrettyString()).send();

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("X-GD-Idempotent-Replay")).hasValue("true");
        assertThat(again.headers().firstValue("X-GD-RequestID")).hasValue(KEY);
        assertThat(server.enrollments.get()).isEqualTo(1);
        assertThat(server.accounts()).isEqualTo(1);
    }

    @Test
    void theSameRequestIdWithAnotherBody_isRefusedWith409_andDoesNothing() throws Exception {
        enroll(KEY, person("123456789", "2125550147"));

        HttpResponse<String> other = enroll(KEY, person("987654321", "2125550147"));

        assertThat(other.statusCode()).isEqualTo(409);
        JsonNode detail = UsersServer.JSON.readTree(other.body()).at("/responseDetails/0");
        assertThat(detail.get("code").asInt()).isEqualTo(409);
        assertThat(detail.get("subCode").asInt()).isEqualTo(3);
        assertThat(server.enrollments.get()).isEqualTo(1);
        assertThat(server.accounts()).isEqualTo(1);
    }

    @Test
    void theSameRequestIdOnAnotherPath_isRefusedWith409() throws Exception {
        JsonNode enrolled = UsersServer.JSON.readTree(enroll(KEY, person("123456789", "2125550147")).body());

        HttpResponse<String> status = server.call("PUT", "/accounts/" + enrolled.get("accountIdentifier").asText()
                + "/status").requestId(KEY).json("{\"status\":\"locked\"}").send();

        assertThat(status.statusCode()).isEqualTo(409);
    }

    @Test
    void aRefusalOfTheCore_isReplayedToo() throws Exception {
        server.enroll(person("123456789", "2125550147"));
        HttpResponse<String> declined = enroll(KEY, person("123456789", "6465550100"));
        HttpResponse<String> again = enroll(KEY, person("123456789", "6465550100"));

        assertThat(declined.statusCode()).isEqualTo(400);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(declined.body()).contains("\"subCode\":60");
        assertThat(server.enrollments.get()).isEqualTo(2);
    }

    @Test
    void aServerFailure_isNotStored_soARetryDoesTheWork() throws Exception {
        HttpResponse<String> failed = server.call("POST", "/enrollments").token("store-down").requestId(KEY)
                .json(person("123456789", "2125550147")).send();
        HttpResponse<String> retried = enroll(KEY, person("123456789", "2125550147"));

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("\"code\":503");
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(server.accounts()).isEqualTo(1);
    }

    @Test
    void requestIdsOfTwoPrograms_neverMeet() throws Exception {
        HttpResponse<String> bankA = enroll(KEY, person("123456789", "2125550147"));
        HttpResponse<String> bankB = server.callAbsolute("POST", "/programs/bank-b/enrollments").token("bank-b")
                .requestId(KEY).json(person("123456789", "2125550147")).send();

        assertThat(bankA.statusCode()).isEqualTo(201);
        assertThat(bankB.statusCode()).isEqualTo(201);
        assertThat(bankB.body()).isNotEqualTo(bankA.body());
        assertThat(server.accounts()).isEqualTo(2);
    }

    @Test
    void twentyConcurrentIdenticalEnrollments_createExactlyOneAccount() throws Exception {
        int twins = 20;
        String body = person("123456789", "2125550147").toString();
        CountDownLatch ready = new CountDownLatch(twins);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(twins);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < twins; i++) {
                UsersServer.Call call = server.call("POST", "/enrollments").requestId(KEY).json(body);
                Callable<HttpResponse<String>> send = () -> {
                    ready.countDown();
                    go.await();
                    return call.send();
                };
                answers.add(pool.submit(send));
            }
            ready.await();
            go.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                bodies.add(response.body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.accounts()).isEqualTo(1);
        assertThat(server.enrollments.get()).isEqualTo(1);
    }

    @Test
    void aGet_needsARequestId_butIsNeverReplayed() throws Exception {
        JsonNode enrolled = server.enroll(person("123456789", "2125550147"));
        String users = "/accounts/" + enrolled.get("accountIdentifier").asText() + "/users";
        String key = UUID.randomUUID().toString();

        server.call("GET", users).requestId(key).send();
        HttpResponse<String> again = server.call("GET", users).requestId(key).send();

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-GD-Idempotent-Replay")).isEmpty();
    }
}
