package io.contactinfo.adapter.rest.users.encryption;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Fixed P-256 keys from hex, and encodings written out by hand, independently of the production code's. */
final class TestKeys {

    static final HexFormat HEX = HexFormat.of();
    /** DER of a P-256 SubjectPublicKeyInfo up to the point: SEQUENCE, id-ecPublicKey, prime256v1, BIT STRING. */
    static final String SPKI_PREFIX = "3059301306072a8648ce3d020106082a8648ce3d030107034200";

    private TestKeys() {
    }

    static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair of a private scalar (its public key computed by the code under test, checked elsewhere). */
    static KeyPair pair(String scalarHex) {
        try {
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, HEX.parseHex(scalarHex)), p256()));
            return new KeyPair(P256.publicKeyOf(key), key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key from its uncompressed encoding (04 ‖ x ‖ y), without any check. */
    static ECPublicKey publicKey(String uncompressedHex) {
        byte[] point = HEX.parseHex(uncompressedHex);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                    new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                    new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), p256()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 04 ‖ x ‖ y, each coordinate left-padded to 32 bytes. */
    static String uncompressedHex(ECPublicKey key) {
        return "04" + coordinate(key.getW().getAffineX()) + coordinate(key.getW().getAffineY());
    }

    private static String coordinate(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    /** A SubjectPublicKeyInfo around any 65 bytes, on the curve or not. */
    static byte[] spki(String uncompressedHex) {
        return HEX.parseHex(SPKI_PREFIX + uncompressedHex);
    }
}
