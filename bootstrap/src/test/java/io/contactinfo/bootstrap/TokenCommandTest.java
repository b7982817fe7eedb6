package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDirectory;

    @Test
    void theTokenIsPrintedAloneAndTheServerOfTheSameDataDirectoryAcceptsIt() throws Exception {
        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "token", "--customer", "c-1001");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out().lines()).singleElement().asString().matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        try (var server = startServer(dataDirectory)) {
            assertThat(contactMethods(server, "c-1001", outcome.out().strip()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theOptionsBecomeTheTokensClaims() throws Exception {
        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "token", "--institution", "bank-a",
                "--customer", "c-9", "--scopes", "institution-users:read", "--ttl", "5m");

        JWTClaimsSet claims = SignedJWT.parse(outcome.out().strip()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("institution_id")).isEqualTo("bank-a");
        assertThat(claims.getStringClaim("institution_customer_id")).isEqualTo("c-9");
        assertThat(claims.getStringClaim("scope")).isEqualTo("institution-users:read");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void byDefaultTheTokenIsTheDemoInstitutionsWithBothScopesForTwelveHours() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(MainTest.run(dataDirectory, Map.of(), "token").out().strip())
                .getJWTClaimsSet();

        assertThat(claims.getStringClaim("institution_id")).isEqualTo("demo-bank");
        assertThat(claims.getClaim("institution_customer_id")).isNull();
        assertThat(claims.getStringClaim("scope")).isEqualTo("institution-users:read institution-users:write");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aBadTtlIsAUsageError() {
        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "token", "--ttl", "soon");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errLines().get(0)).startsWith("contact-info: --ttl must be a positive duration");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void givenProdMode_noTokenIsMinted() {
        MainTest.Outcome outcome = MainTest.run(dataDirectory, ProdModeConfigurationTest.completeProd(), "token");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errLines().get(0)).isEqualTo("contact-info: token mints dev tokens, in dev mode only: "
                + "in prod mode the institution's authorization server issues them");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void durationsAreReadShortOrIso() {
        assertThat(TokenCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TokenCommand.duration("pt2h")).isEqualTo(Duration.ofHours(2));
    }

    /** The server as {@code serve} starts it in dev mode on {@code dataDirectory}, on a free port. */
    static ContactInfoServer startServer(Path dataDirectory) {
        return ContactInfoServer.start(Configuration.from(Map.of(Setting.DATA_DIR.variable(), dataDirectory.toString(),
                Setting.HTTP_PORT.variable(), "0")), Clock.systemUTC());
    }

    static HttpResponse<String> contactMethods(ContactInfoServer server, String customer, String token)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                                + "/digitalbanking/ux-users/v1/customers/" + customer + "/contact-methods"))
                        .header("Authorization", "Bearer " + token)
                        .header("correlationId", UUID.randomUUID().toString()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
