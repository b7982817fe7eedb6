package io.contactinfo.adapter.rest.users.encryption;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * RFC 9180 HPKE in base mode with DHKEM(P-256, HKDF-SHA256) (0x0010) and HKDF-SHA256 (0x0001), single-shot (one
 * message per context, sequence number 0), on BouncyCastle's implementation. EC_v2 uses {@link #AES_256_GCM};
 * {@link #AES_128_GCM} is there for RFC 9180's published P-256 test vector (Appendix A.3.1). Keys come and go as
 * the JDK's; the points are checked by the callers ({@link P256}) before they get here.
 */
final class Hpke {

    /** AEAD 0x0002: EC_v2's. */
    static final Hpke AES_256_GCM = new Hpke(HPKE.aead_AES_GCM256);
    /** AEAD 0x0001. */
    static final Hpke AES_128_GCM = new Hpke(HPKE.aead_AES_GCM128);

    private final short aead;

    /** One sealed message: the encapsulated key (an uncompressed P-256 point) and the ciphertext with its tag. */
    record Sealed(byte[] enc, byte[] ciphertext) {
    }

    private Hpke(short aead) {
        this.aead = aead;
    }

    /** BouncyCastle's HPKE keeps state while it works: one per operation. */
    private HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, aead);
    }

    /** SealBase with the given ephemeral key pair (the KEM's randomness). */
    Sealed seal(ECPublicKey recipient, KeyPair ephemeral, byte[] info, byte[] aad, byte[] plaintext)
            throws InvalidCipherTextException {
        HPKE hpke = suite();
        HPKEContextWithEncapsulation context = hpke.setupBaseS(hpke.deserializePublicKey(P256.uncompressed(recipient)),
                info, keyPair(hpke, ephemeral));
        return new Sealed(context.getEncapsulation(), context.seal(aad, plaintext));
    }

    /** @throws InvalidCipherTextException when the tag does not match: altered, or for another key, info or aad */
    byte[] open(KeyPair recipient, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext)
            throws InvalidCipherTextException {
        HPKE hpke = suite();
        HPKEContext context = hpke.setupBaseR(enc, keyPair(hpke, recipient), info);
        return context.open(aad, ciphertext);
    }

    private static AsymmetricCipherKeyPair keyPair(HPKE hpke, KeyPair pair) {
        return hpke.deserializePrivateKey(P256.scalar((ECPrivateKey) pair.getPrivate()),
                P256.uncompressed((ECPublicKey) pair.getPublic()));
    }
}
