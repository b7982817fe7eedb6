package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The EC P-256 key that signs development tokens, kept in a file so that tokens minted before a
 * restart stay valid after it. Never for production: whoever reads the file can mint tokens.
 */
public final class DevSigningKey {

    private final ECKey signingKey;

    private DevSigningKey(ECKey signingKey) {
        this.signingKey = signingKey;
    }

    /**
     * Reads the key from {@code file}, or generates one and writes it there (owner-only where the
     * file system has POSIX permissions, creating parent directories).
     *
     * @throws IllegalArgumentException when the file holds something other than a private EC P-256 JWK with a {@code kid}
     * @throws UncheckedIOException     when the file cannot be read or written
     */
    public static DevSigningKey loadOrCreate(Path file) {
        try {
            return new DevSigningKey(Files.exists(file) ? read(file) : create(file));
        } catch (IOException e) {
            throw new UncheckedIOException("dev signing key " + file, e);
        }
    }

    /** The private key that signs development tokens. */
    public ECKey signingKey() {
        return signingKey;
    }

    /** The public half, to be trusted by the verifier. */
    public ECKey publicJwk() {
        return signingKey.toPublicJWK();
    }

    private static ECKey read(Path file) throws IOException {
        JWK jwk;
        try {
            jwk = JWK.parse(Files.readString(file));
        } catch (ParseException e) {
            throw new IllegalArgumentException("dev signing key " + file + " is not a JWK", e);
        }
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate() || ec.getKeyID() == null) {
            throw new IllegalArgumentException("dev signing key " + file + " is not a private EC P-256 JWK with a kid");
        }
        return ec;
    }

    private static ECKey create(Path file) throws IOException {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Written beside the target and moved into place, so no reader ever sees half a key.
        Path temporary = Files.createTempFile(directory, ".dev-signing-key", ".tmp", ownerOnly(directory));
        try {
            Files.writeString(temporary, key.toJSONString());
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return key;
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
