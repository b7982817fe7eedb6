package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenMinterTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void givenEcKey_mint_writesAnEs256TokenWithEveryClaim() throws ParseException {
        TokenMinter minter = new TokenMinter(EC, JwtSettings.ClaimNames.defaults(), Optional.of("https://idp.example"),
                Optional.of("contact-info"), Clock.fixed(NOW, ZoneOffset.UTC));

        SignedJWT jwt = SignedJWT.parse(minter.mint("inst-1", "cust-9",
                Set.of("institution-users:write", "institution-users:read"), Duration.ofMinutes(5)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(EC.getKeyID());
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(5))));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo("cust-9");
        assertThat(claims.getIssuer()).isEqualTo("https://idp.example");
        assertThat(claims.getAudience()).isEqualTo(List.of("contact-info"));
        assertThat(claims.getStringClaim("institution_id")).isEqualTo("inst-1");
        assertThat(claims.getStringClaim("institution_customer_id")).isEqualTo("cust-9");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("contact-info-dev");
        assertThat(claims.getStringClaim("scope")).isEqualTo("institution-users:read institution-users:write");
    }

    @Test
    void givenPublicKey_constructor_isRefused() {
        assertThatThrownBy(() -> new TokenMinter(EC.toPublicJWK(), JwtSettings.ClaimNames.defaults(), Optional.empty(),
                Optional.empty(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
