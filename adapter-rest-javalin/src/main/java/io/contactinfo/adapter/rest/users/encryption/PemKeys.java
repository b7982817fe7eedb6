package io.contactinfo.adapter.rest.users.encryption;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P-256 keys in PEM, as OpenSSL writes them: a private key as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, e.g.
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}), a public key as X.509
 * SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}, {@code openssl pkey -pubout}). Error messages never
 * show a key.
 */
public final class PemKeys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private PemKeys() {
    }

    /**
     * The key pair of a PKCS#8 P-256 private key; its public key is computed from it.
     *
     * @throws IllegalArgumentException when the text holds no PKCS#8 block or it is not a P-256 private key
     */
    public static KeyPair readPrivateKey(String pem) {
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(block(pem, PRIVATE)));
            if (!(key instanceof ECPrivateKey ec) || !P256.isP256(ec)) {
                throw new IllegalArgumentException("not a P-256 private key");
            }
            return new KeyPair(P256.publicKeyOf(ec), ec);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key");
        }
    }

    /**
     * A P-256 public key from its SubjectPublicKeyInfo PEM.
     *
     * @throws IllegalArgumentException when the text holds no such block or it is not a P-256 point on the curve
     */
    public static PublicKey readPublicKey(String pem) {
        return P256.fromSpki(block(pem, PUBLIC))
                .orElseThrow(() -> new IllegalArgumentException("not a P-256 public key"));
    }

    /** PKCS#8 PEM of a private key. */
    public static String write(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    /** SubjectPublicKeyInfo PEM of a public key. */
    public static String write(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    private static byte[] block(String pem, String label) {
        Matcher block = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]*)-----END " + label + "-----")
                .matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("no -----BEGIN " + label + "----- block");
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " block is not base64");
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
