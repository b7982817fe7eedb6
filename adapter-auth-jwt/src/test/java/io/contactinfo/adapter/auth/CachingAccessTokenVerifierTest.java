package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenRejectedException.Reason;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Duration SKEW = JwtSettings.defaults().maxClockSkew();
    private static final Set<String> SCOPES = Set.of("institution-users:read");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();
    private final AccessTokenVerifier jwt = new JwtAccessTokenVerifier(
            new ImmutableJWKSet<>(TrustedKeys.load(Optional.empty(), List.of(EC, RSA))), JwtSettings.defaults(), clock);
    private final AccessTokenVerifier counted = token -> {
        verifications.incrementAndGet();
        return jwt.verify(token);
    };

    @Test
    void givenTheSameTokenTwice_verify_checksItsSignatureOnceAndAnswersTheSame() {
        var cache = cache(Duration.ofMinutes(5), 100);
        String token = mint(Duration.ofMinutes(10));

        AccessToken first = cache.verify(token);
        AccessToken second = cache.verify(token);

        assertThat(second).isEqualTo(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void givenACachedTokenPastItsExpiry_verify_refusesItAsExpired() {
        var cache = cache(Duration.ofHours(1), 100);
        String token = mint(Duration.ofMinutes(2));
        cache.verify(token);

        clock.advance(Duration.ofMinutes(2).plus(SKEW).plusSeconds(1));

        assertRejected(cache, token, Reason.EXPIRED);
        assertRejected(cache, token, Reason.EXPIRED);
    }

    @Test
    void givenACachedTokenWithinTheSkew_verify_acceptsItAsTheVerifierWould() {
        var cache = cache(Duration.ofHours(1), 100);
        String token = mint(Duration.ofMinutes(2));
        cache.verify(token);

        clock.advance(Duration.ofMinutes(2).plus(SKEW).minusSeconds(1));

        assertThat(cache.verify(token).institutionId()).contains("inst-1");
        assertThat(jwt.verify(token).institutionId()).contains("inst-1");
    }

    @Test
    void givenACachedTokenOlderThanMaxAge_verify_checksItAgain() {
        var cache = cache(Duration.ofSeconds(30), 100);
        String token = mint(Duration.ofMinutes(10));
        cache.verify(token);

        clock.advance(Duration.ofSeconds(30));
        cache.verify(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void givenARefusedToken_verify_refusesItEveryTimeWithoutRemembering() {
        var cache = cache(Duration.ofMinutes(5), 100);
        String good = mint(Duration.ofMinutes(10));
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertRejected(cache, tampered, Reason.UNTRUSTED);
        assertRejected(cache, tampered, Reason.UNTRUSTED);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void givenMoreTokensThanMaxEntries_verify_staysBoundedAndStillAnswers() {
        var cache = cache(Duration.ofMinutes(5), 3);

        for (int i = 0; i < 10; i++) {
            String token = new TokenMinter(EC, JwtSettings.ClaimNames.defaults(), Optional.empty(), Optional.empty(),
                    clock).mint("inst-1", "cust-" + i, SCOPES, Duration.ofMinutes(10));
            assertThat(cache.verify(token).customerId()).contains("cust-" + i);
            assertThat(cache.verify(token).customerId()).contains("cust-" + i);
        }

        assertThat(verifications).hasValueBetween(10, 13);
    }

    private CachingAccessTokenVerifier cache(Duration maxAge, int maxEntries) {
        return new CachingAccessTokenVerifier(counted, clock, SKEW, maxAge, maxEntries);
    }

    private String mint(Duration ttl) {
        return new TokenMinter(EC, JwtSettings.ClaimNames.defaults(), Optional.empty(), Optional.empty(), clock)
                .mint("inst-1", "cust-9", SCOPES, ttl);
    }

    private static void assertRejected(AccessTokenVerifier verifier, String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(AccessTokenRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
