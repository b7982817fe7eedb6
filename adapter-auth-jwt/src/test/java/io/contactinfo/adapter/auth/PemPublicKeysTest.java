package io.contactinfo.adapter.auth;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemPublicKeysTest {

    @Test
    void readsAnRsaAndAnEcKeyAsPublicJwksWithoutAKeyId() throws JOSEException {
        String pem = pem(RSA.toRSAPublicKey()) + "\n" + pem(EC.toECPublicKey());

        assertThat(PemPublicKeys.read(pem)).hasSize(2);
        assertThat(PemPublicKeys.read(pem)).extracting(JWK::getKeyID).containsOnlyNulls();
        assertThat(PemPublicKeys.read(pem)).noneMatch(JWK::isPrivate);
        assertThat(PemPublicKeys.read(pem).get(0).toRSAKey().toRSAPublicKey()).isEqualTo(RSA.toRSAPublicKey());
        assertThat(PemPublicKeys.read(pem).get(1).toECKey().toECPublicKey()).isEqualTo(EC.toECPublicKey());
        assertThat(PemPublicKeys.read(pem).get(1).toECKey().getCurve()).isEqualTo(Curve.P_256);
    }

    @Test
    void refusesAnEcKeyOnACurveNoAcceptedAlgorithmUses() throws JOSEException {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();

        assertThatThrownBy(() -> PemPublicKeys.read(pem(p384.toECPublicKey())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("public key 1 is not an RSA key or an EC key on P-256");
    }

    @Test
    void refusesTextWithoutAPublicKeyBlock() {
        assertThatThrownBy(() -> PemPublicKeys.read("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no -----BEGIN PUBLIC KEY-----");
    }

    @Test
    void refusesABlockThatIsNotAnRsaOrEcKey() throws Exception {
        String ed25519 = pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());

        assertThatThrownBy(() -> PemPublicKeys.read(ed25519)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("public key 1 is not an RSA key or an EC key on P-256");
        assertThatThrownBy(() -> PemPublicKeys.read(pem(RSA.toRSAPublicKey()) + block("AAAA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public key 2");
    }

    static String pem(PublicKey key) {
        return block(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded()));
    }

    private static String block(String base64) {
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
