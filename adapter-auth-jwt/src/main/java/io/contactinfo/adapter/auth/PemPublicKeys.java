package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token-signing public keys in PEM, as an authorization server publishes them beside or instead of a JWKS: X.509
 * SubjectPublicKeyInfo blocks ({@code -----BEGIN PUBLIC KEY-----}, {@code openssl pkey -pubout}), RSA (RS256, PS256)
 * or EC on P-256 (ES256): the keys of the algorithms the server accepts. Several blocks in one text are several keys,
 * as during a rotation. A PEM key has no {@code kid}; {@link TrustedKeys} lets such a key match a token whatever kid
 * the token names.
 */
public final class PemPublicKeys {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]*)-----END PUBLIC KEY-----");

    private PemPublicKeys() {
    }

    /**
     * The keys of every {@code PUBLIC KEY} block of {@code pem}, as public JWKs without a key id.
     *
     * @throws IllegalArgumentException when the text holds no such block, or a block is not an RSA key or an EC key
     *                                  on P-256; the message never shows the key
     */
    public static List<JWK> read(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            keys.add(jwk(decode(block.group(1), keys.size() + 1), keys.size() + 1));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no -----BEGIN PUBLIC KEY----- block");
        }
        return List.copyOf(keys);
    }

    private static byte[] decode(String base64, int number) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key " + number + " is not base64");
        }
    }

    private static JWK jwk(byte[] spki, int number) {
        PublicKey key = null;
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
                break;
            } catch (GeneralSecurityException notThisKind) {
                // the next kind, or refused below
            }
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        // Only the curve of ES256: a key on another could verify no token the server accepts.
        if (key instanceof ECPublicKey ec && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
            return new ECKey.Builder(Curve.P_256, ec).build();
        }
        throw new IllegalArgumentException("public key " + number + " is not an RSA key or an EC key on P-256");
    }
}
