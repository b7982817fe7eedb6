package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteJwksTest {

    private static final JwksSettings SETTINGS = new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(2));

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));
    private final JwksServer issuer = new JwksServer(EC, RSA);
    private final RemoteJwks jwks = new RemoteJwks(issuer.uri(), SETTINGS, clock);

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void givenFirstUse_get_fetchesOnceAndKeepsOnlyPublicHalves() {
        assertThat(kids(EC.getKeyID())).containsExactly(EC.getKeyID());
        assertThat(jwks.get(byKid(RSA.getKeyID()), null)).singleElement().satisfies(key -> {
            assertThat(key).isEqualTo(RSA.toPublicJWK());
            assertThat(key.isPrivate()).isFalse();
        });
        assertThat(issuer.fetches()).isEqualTo(1);
    }

    @Test
    void givenCacheYoungerThanItsTtl_get_doesNotFetchAgain() {
        kids(EC.getKeyID());
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(kids(EC.getKeyID())).containsExactly(EC.getKeyID());
        assertThat(issuer.fetches()).isEqualTo(1);
    }

    @Test
    void givenCacheAsOldAsItsTtl_get_fetchesAgain() {
        kids(EC.getKeyID());
        clock.advance(Duration.ofMinutes(5));

        kids(EC.getKeyID());
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void givenUnknownKid_get_fetchesAgainAtMostOncePerInterval() {
        kids(EC.getKeyID());
        assertThat(kids("forged-1")).isEmpty();
        assertThat(issuer.fetches()).as("within the interval of the first fetch").isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(kids("forged-2")).isEmpty();
        assertThat(issuer.fetches()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(29));
        for (int i = 0; i < 100; i++) {
            assertThat(kids("forged-" + i)).isEmpty();
        }
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void givenRotatedKeys_get_picksUpTheNewKeyOnItsFirstToken() {
        kids(EC.getKeyID());
        JWK next = TestKeys.ec("ec-2");
        issuer.publish(next);
        clock.advance(Duration.ofSeconds(30));

        assertThat(kids("ec-2")).containsExactly("ec-2");
        assertThat(kids(EC.getKeyID())).as("retired").isEmpty();
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void givenIssuerDown_get_keepsServingTheCachedKeysAndFindsNoOther() {
        kids(EC.getKeyID());
        issuer.failWith(503);
        clock.advance(Duration.ofMinutes(6));

        assertThat(kids(EC.getKeyID())).containsExactly(EC.getKeyID());
        clock.advance(Duration.ofSeconds(30));
        assertThat(kids("ec-2")).isEmpty();
        assertThat(kids(RSA.getKeyID())).containsExactly(RSA.getKeyID());
        assertThat(issuer.fetches()).isEqualTo(3);
    }

    @Test
    void givenIssuerDownAtFirstUse_get_findsNoKeyAndRetriesOnlyAfterTheInterval() {
        issuer.failWith(500);

        assertThat(kids(EC.getKeyID())).isEmpty();
        assertThat(kids(EC.getKeyID())).isEmpty();
        assertThat(issuer.fetches()).isEqualTo(1);

        issuer.publish(EC);
        clock.advance(Duration.ofSeconds(30));
        assertThat(kids(EC.getKeyID())).containsExactly(EC.getKeyID());
    }

    @Test
    void givenDocumentThatIsNotAJwks_get_findsNoKey() {
        issuer.serve("{\"not\":\"a jwks\"}");

        assertThat(kids(EC.getKeyID())).isEmpty();
    }

    @Test
    void givenRedirect_get_doesNotFollowIt() {
        try (JwksServer elsewhere = new JwksServer(EC)) {
            issuer.redirectTo(elsewhere.uri());

            assertThat(kids(EC.getKeyID())).isEmpty();
            assertThat(elsewhere.fetches()).isZero();
        }
    }

    @Test
    void givenIssuerSlowerThanTheReadTimeout_get_givesUpAndFindsNoKey() {
        issuer.delayBy(Duration.ofSeconds(3));
        RemoteJwks impatient = new RemoteJwks(issuer.uri(), new JwksSettings(Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(200)), clock);
        long start = System.nanoTime();

        assertThat(impatient.get(byKid(EC.getKeyID()), null)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://idp.example/jwks", "http://127.0.0.1:8080/jwks", "http://127.9.8.7/jwks",
            "http://localhost/jwks", "http://LOCALHOST:9/jwks", "http://[::1]:9/jwks"})
    void givenHttpsOrLoopbackHttp_constructor_accepts(String uri) {
        new RemoteJwks(URI.create(uri), SETTINGS, clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://idp.example/jwks", "http://10.0.0.1/jwks", "http://128.0.0.1/jwks",
            "http://127.0.0.256/jwks", "http://localhost.evil.example/jwks", "http://127.0.0.1.evil.example/jwks",
            "http://[::2]/jwks", "ftp://127.0.0.1/jwks", "file:///etc/jwks.json", "https:jwks"})
    void givenPlainHttpElsewhereOrAnotherScheme_constructor_isRefused(String uri) {
        assertThatThrownBy(() -> new RemoteJwks(URI.create(uri), SETTINGS, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    private List<String> kids(String kid) {
        return jwks.get(byKid(kid), null).stream().map(JWK::getKeyID).toList();
    }

    private static JWKSelector byKid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }
}
