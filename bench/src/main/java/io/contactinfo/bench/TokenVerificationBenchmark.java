package io.contactinfo.bench;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.contactinfo.adapter.auth.CachingAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtAccessTokenVerifier;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.TokenMinter;
import io.contactinfo.application.port.out.AccessToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** A bearer token's verification: the ES256 signature and claims, and the same through the cache of accepted tokens. */
@State(Scope.Benchmark)
public class TokenVerificationBenchmark {

    private JwtAccessTokenVerifier verifier;
    private CachingAccessTokenVerifier cached;
    private String token;

    @Setup
    public void setUp() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        Clock clock = Clock.systemUTC();
        JwtSettings settings = JwtSettings.defaults();
        verifier = new JwtAccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), settings, clock);
        cached = new CachingAccessTokenVerifier(verifier, clock, settings.maxClockSkew(), Duration.ofMinutes(5), 10_000);
        token = new TokenMinter(key, settings.claimNames(), Optional.empty(), Optional.empty(), clock)
                .mint("demo-bank", "c-1001", Set.of("institution-users:read", "institution-users:write"),
                        Duration.ofHours(12));
    }

    @Benchmark
    public AccessToken verifySignature() {
        return verifier.verify(token);
    }

    @Benchmark
    public AccessToken verifyCached() {
        return cached.verify(token);
    }
}
