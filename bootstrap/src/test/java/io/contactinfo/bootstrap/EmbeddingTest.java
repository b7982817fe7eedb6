package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.contactinfo.adapter.auth.JwksSettings;
import io.contactinfo.adapter.auth.JwtAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.TokenMinter;
import io.contactinfo.adapter.auth.TrustedKeys;
import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.RequestedPhone;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.RequestedAddress;
import io.contactinfo.domain.user.UserUpdate;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contact Info embedded in a host service as the README's "Embedding" section shows it. */
class EmbeddingTest {

    @TempDir
    Path directory;

    @Test
    void embedded_theHostCallsTheUseCases_andServesTheApisFromItsOwnApp() throws Exception {
        // The host's own pieces: a data source, the bank's signing key (its JWKS file) and the keys for data at rest.
        JdbcDataSource hostDataSource = new JdbcDataSource();
        hostDataSource.setURL("jdbc:h2:file:" + directory.resolve("host"));
        ECKey bankKey = new ECKeyGenerator(Curve.P_256).keyID("bank-1").generate();
        Path jwks = Files.writeString(directory.resolve("jwks.json"), new JWKSet(bankKey.toPublicJWK()).toString());
        DataProtection keys = DataProtection.generate();

        // As in the README:
        var verifier = new JwtAccessTokenVerifier(
                TrustedKeys.source(Optional.of(jwks.toUri()), List.of(), JwksSettings.defaults()),
                JwtSettings.defaults(), Clock.systemUTC());
        try (ContactInfo contactInfo = ContactInfo.builder()
                .dataSource(hostDataSource)
                .dataProtection(keys)
                .accessTokens(verifier)
                .build()) {
            InstitutionId bank = new InstitutionId("host-bank");
            CallerContext caller = new CallerContext(bank, Optional.empty(), "host-service", "batch",
                    Set.of(Scope.INSTITUTION_USERS_WRITE), UUID.randomUUID().toString());
            contactInfo.useCases().enroll().enroll(new EnrollCommand(caller,
                    Optional.of(new InstitutionCustomerId("c-42")), Optional.empty(), AccountStatus.ACTIVE, jane()));

            Javalin host = Javalin.create(config -> {
                config.routes.get("/host/hello", ctx -> ctx.result("hello"));
                config.registerPlugin(contactInfo.plugin());
            }).start("127.0.0.1", 0);
            try {
                String token = new TokenMinter(bankKey, JwtSettings.ClaimNames.defaults(), Optional.empty(),
                        Optional.empty(), Clock.systemUTC()).mint("host-bank", "c-42",
                        Set.of("institution-users:read"), Duration.ofMinutes(5));
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + host.port()
                                        + "/digitalbanking/ux-users/v1/customers/c-42/contact-methods"))
                        .header("Authorization", "Bearer " + token)
                        .header("correlationId", UUID.randomUUID().toString())
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode methods = new ObjectMapper().readTree(response.body()).get("contactMethods");
                assertThat(methods.toString()).contains("(***) ***-0147").doesNotContain("2125550147");
            } finally {
                host.stop();
            }
        }
        // The host's data source outlives the embedded service.
        try (var connection = hostDataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void build_withoutARequiredPart_namesIt() {
        assertThatThrownBy(() -> ContactInfo.builder().dataProtection(DataProtection.generate()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataSource");
    }

    private static UserUpdate jane() {
        return UserUpdate.NOTHING
                .withName(PersonName.of("Jane", null, "Doe"))
                .withAddresses(List.of(new RequestedAddress(AddressType.HOME,
                        PostalAddress.of("1234 E Foothill Blvd", null, "Pasadena", "CA", "91107", null), true)))
                .withPhones(List.of(new RequestedPhone(new PhoneNumber("2125550147"), PhoneType.MOBILE, true)));
    }
}
