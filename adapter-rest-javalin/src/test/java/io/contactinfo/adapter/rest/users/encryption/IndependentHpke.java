package io.contactinfo.adapter.rest.users.encryption;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 9180 base mode with DHKEM(P-256, HKDF-SHA256) and HKDF-SHA256, written out in the test from the RFC's
 * pseudo-code on the JDK's ECDH, HMAC-SHA256 and AES-GCM: a second implementation, independent of BouncyCastle's,
 * that shows each intermediate value. Single-shot (sequence number 0).
 */
final class IndependentHpke {

    /** Every value of one SetupBaseS and its first Seal. */
    record Trace(byte[] enc, byte[] sharedSecret, byte[] keyScheduleContext, byte[] secret, byte[] key,
                 byte[] baseNonce, byte[] ciphertext) {
    }

    private static final byte[] VERSION = bytes("HPKE-v1");
    private static final int KEM_ID = 0x0010;
    private static final int KDF_ID = 0x0001;
    private static final int NH = 32;
    private static final int NN = 12;

    private IndependentHpke() {
    }

    /**
     * @param aeadId 0x0001 (AES-128-GCM, Nk 16) or 0x0002 (AES-256-GCM, Nk 32)
     */
    static Trace seal(ECPublicKey recipient, KeyPair ephemeral, byte[] info, byte[] aad, byte[] plaintext,
                      int aeadId) throws Exception {
        int nk = aeadId == 0x0001 ? 16 : 32;
        // DHKEM Encap(pkR) with the given ephemeral key.
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ephemeral.getPrivate());
        ecdh.doPhase(recipient, true);
        byte[] dh = ecdh.generateSecret();
        byte[] enc = TestKeys.HEX.parseHex(TestKeys.uncompressedHex((ECPublicKey) ephemeral.getPublic()));
        byte[] pkRm = TestKeys.HEX.parseHex(TestKeys.uncompressedHex(recipient));
        byte[] kemSuite = concat(bytes("KEM"), i2osp(KEM_ID, 2));
        byte[] eaePrk = labeledExtract(new byte[0], kemSuite, "eae_prk", dh);
        byte[] sharedSecret = labeledExpand(eaePrk, kemSuite, "shared_secret", concat(enc, pkRm), NH);

        // KeySchedule(mode_base, shared_secret, info, default_psk, default_psk_id).
        byte[] suite = concat(bytes("HPKE"), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(aeadId, 2));
        byte[] pskIdHash = labeledExtract(new byte[0], suite, "psk_id_hash", new byte[0]);
        byte[] infoHash = labeledExtract(new byte[0], suite, "info_hash", info);
        byte[] context = concat(new byte[] {0x00}, pskIdHash, infoHash);
        byte[] secret = labeledExtract(sharedSecret, suite, "secret", new byte[0]);
        byte[] key = labeledExpand(secret, suite, "key", context, nk);
        byte[] baseNonce = labeledExpand(secret, suite, "base_nonce", context, NN);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, baseNonce));
        gcm.updateAAD(aad);
        return new Trace(enc, sharedSecret, context, secret, key, baseNonce, gcm.doFinal(plaintext));
    }

    private static byte[] labeledExtract(byte[] salt, byte[] suite, String label, byte[] ikm) throws Exception {
        return hmac(salt, concat(VERSION, suite, bytes(label), ikm));
    }

    private static byte[] labeledExpand(byte[] prk, byte[] suite, String label, byte[] info, int length)
            throws Exception {
        byte[] labeledInfo = concat(i2osp(length, 2), VERSION, suite, bytes(label), info);
        // HKDF-Expand (RFC 5869 §2.3).
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] previous = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            previous = hmac(prk, concat(previous, labeledInfo, new byte[] {(byte) i}));
            okm.writeBytes(previous);
        }
        byte[] result = new byte[length];
        System.arraycopy(okm.toByteArray(), 0, result, 0, length);
        return result;
    }

    /** HMAC-SHA256; an empty key is HMAC's all-zero block, as HKDF-Extract's default salt of Nh zeros is. */
    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[NH] : key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] i2osp(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) (value & 0xff);
            value >>>= 8;
        }
        return bytes;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
