package io.contactinfo.adapter.rest.users.encryption;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The server's P-256 key pairs that decrypt {@code encryptedUserData}: all of them at once, so that a new key can be
 * published while data encrypted for the old one still arrives (rotation). Each is chosen by its
 * {@linkplain #publicKeyHash hash}.
 */
public final class ServerKeys {

    private record Entry(byte[] hash, KeyPair pair) {
    }

    private final List<Entry> entries;

    private ServerKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param pairs P-256 key pairs, each public key its private key's (as {@link PemKeys#readPrivateKey} returns them)
     * @throws IllegalArgumentException when a pair is not P-256, its halves do not match, or a key is listed twice
     */
    public static ServerKeys of(List<KeyPair> pairs) {
        List<Entry> entries = new ArrayList<>(pairs.size());
        for (KeyPair pair : pairs) {
            if (!(pair.getPrivate() instanceof ECPrivateKey privateKey) || !P256.isP256(privateKey)
                    || !(pair.getPublic() instanceof ECPublicKey publicKey) || !P256.isP256(publicKey)) {
                throw new IllegalArgumentException("a user data key is not a P-256 key pair");
            }
            if (!P256.publicKeyOf(privateKey).getW().equals(publicKey.getW())) {
                throw new IllegalArgumentException("a user data key pair's public key is not its private key's");
            }
            byte[] hash = hash(publicKey);
            if (entries.stream().anyMatch(entry -> MessageDigest.isEqual(entry.hash(), hash))) {
                throw new IllegalArgumentException("a user data key is listed twice");
            }
            entries.add(new Entry(hash, new KeyPair(P256.canonical(publicKey.getW()), privateKey)));
        }
        return new ServerKeys(entries);
    }

    /** No key: every {@code encryptedUserData} is refused as {@code UNKNOWN_PUBLIC_KEY_HASH}. */
    public static ServerKeys none() {
        return new ServerKeys(List.of());
    }

    /** A new P-256 key pair (for development, and for tests). */
    public static KeyPair generate() {
        return P256.generate();
    }

    /** The public halves, in the order given: what clients encrypt for. */
    public List<PublicKey> publicKeys() {
        return entries.stream().map(entry -> entry.pair().getPublic()).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * {@code publicKeyHash} of a P-256 public key: base64 of the SHA-256 of its X.509 SubjectPublicKeyInfo (DER,
     * the curve named by its OID, the point uncompressed).
     *
     * @throws IllegalArgumentException when the key is not a P-256 public key
     */
    public static String publicKeyHash(PublicKey key) {
        return Base64.getEncoder().encodeToString(hash(p256(key)));
    }

    /** The pair whose public key's SHA-256 is {@code hash}; every pair is compared, in constant time each. */
    Optional<KeyPair> byHash(byte[] hash) {
        KeyPair found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.pair();
            }
        }
        return Optional.ofNullable(found);
    }

    static ECPublicKey p256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec) || !P256.isP256(ec)) {
            throw new IllegalArgumentException("not a P-256 public key");
        }
        return ec;
    }

    private static byte[] hash(ECPublicKey key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(P256.canonical(key.getW()).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
