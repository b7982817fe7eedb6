package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "HS512"})
    void givenNoneOrHmacInTheAllowList_settings_areRefused(String algorithm) {
        JwtSettings defaults = JwtSettings.defaults();

        assertThatThrownBy(() -> new JwtSettings(Optional.empty(), Optional.empty(), defaults.claimNames(),
                Set.of(JWSAlgorithm.ES256, JWSAlgorithm.parse(algorithm)), defaults.maxClockSkew()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(algorithm);
    }
}
