package io.contactinfo.adapter.rest.users.encryption;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * NIST P-256 (secp256r1) as both versions use it: the JDK's keys, checked explicitly rather than trusting a
 * provider to have done it, and the fixed-length encodings HPKE needs.
 */
final class P256 {

    /** Bytes of a coordinate or a private scalar. */
    static final int FIELD_BYTES = 32;
    /** Bytes of an uncompressed point: 0x04, x, y. */
    static final int POINT_BYTES = 1 + 2 * FIELD_BYTES;

    private static final ECParameterSpec PARAMETERS = parameters();

    private P256() {
    }

    private static ECParameterSpec parameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }

    /** A fresh key pair. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate P-256 keys", e);
        }
    }

    /**
     * The P-256 public key an X.509 SubjectPublicKeyInfo holds, when it is one: an EC key on exactly the P-256
     * domain whose point is not the point at infinity and satisfies the curve's equation (P-256's cofactor is 1,
     * so a point on the curve is in the prime-order group).
     */
    static Optional<ECPublicKey> fromSpki(byte[] spki) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            return key instanceof ECPublicKey ec && isP256(ec) ? Optional.of(canonical(ec.getW())) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException notAKey) {
            // An unparseable key, or one the provider refuses (some check points themselves): not one either way.
            return Optional.empty();
        }
    }

    /** Whether {@code key} is a P-256 public key whose point is on the curve. */
    static boolean isP256(ECPublicKey key) {
        return sameDomain(key.getParams()) && onCurve(key.getW());
    }

    /** Whether {@code key} is a P-256 private key with a scalar in [1, n-1]. */
    static boolean isP256(ECPrivateKey key) {
        BigInteger s = key.getS();
        return sameDomain(key.getParams()) && s.signum() > 0 && s.compareTo(PARAMETERS.getOrder()) < 0;
    }

    private static boolean sameDomain(ECParameterSpec other) {
        return other != null && PARAMETERS.getCurve().equals(other.getCurve())
                && PARAMETERS.getGenerator().equals(other.getGenerator())
                && PARAMETERS.getOrder().equals(other.getOrder())
                && PARAMETERS.getCofactor() == other.getCofactor();
    }

    /** y² = x³ + ax + b (mod p), with both coordinates reduced. */
    static boolean onCurve(ECPoint point) {
        if (point == null || ECPoint.POINT_INFINITY.equals(point)) {
            return false;
        }
        EllipticCurve curve = PARAMETERS.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    /** The public key of {@code point}, encoded by the JDK with P-256's name (the form {@code publicKeyHash} hashes). */
    static ECPublicKey canonical(ECPoint point) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, PARAMETERS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot build a P-256 public key", e);
        }
    }

    /**
     * The public key of a private one: d·G. The JDK has no public API for this; BouncyCastle's fixed-point
     * multiplication does it.
     */
    static ECPublicKey publicKeyOf(ECPrivateKey key) {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(curve.getG(), key.getS())
                .normalize();
        return canonical(new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()));
    }

    /** SEC 1 uncompressed encoding: 0x04 ‖ x ‖ y, each 32 bytes (HPKE's SerializePublicKey). */
    static byte[] uncompressed(ECPublicKey key) {
        byte[] encoded = new byte[POINT_BYTES];
        encoded[0] = 0x04;
        System.arraycopy(fixed(key.getW().getAffineX()), 0, encoded, 1, FIELD_BYTES);
        System.arraycopy(fixed(key.getW().getAffineY()), 0, encoded, 1 + FIELD_BYTES, FIELD_BYTES);
        return encoded;
    }

    /** The point of an uncompressed encoding, when it is one on the curve. */
    static Optional<ECPublicKey> fromUncompressed(byte[] encoded) {
        if (encoded.length != POINT_BYTES || encoded[0] != 0x04) {
            return Optional.empty();
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + FIELD_BYTES)),
                new BigInteger(1, Arrays.copyOfRange(encoded, 1 + FIELD_BYTES, POINT_BYTES)));
        return onCurve(point) ? Optional.of(canonical(point)) : Optional.empty();
    }

    /** The private scalar as 32 big-endian bytes (HPKE's SerializePrivateKey). */
    static byte[] scalar(ECPrivateKey key) {
        return fixed(key.getS());
    }

    /** A non-negative integer below 2^256 as exactly 32 big-endian bytes. */
    static byte[] fixed(BigInteger value) {
        byte[] minimal = value.toByteArray();
        byte[] fixed = new byte[FIELD_BYTES];
        int length = Math.min(minimal.length, FIELD_BYTES);
        System.arraycopy(minimal, minimal.length - length, fixed, FIELD_BYTES - length, length);
        return fixed;
    }
}
