package io.contactinfo.bootstrap;

import io.contactinfo.adapter.rest.users.encryption.PemKeys;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys that decrypt the Users API's {@code encryptedUserData} (SPEC §5.2): the PKCS#8 PEM files
 * {@code CONTACTINFO_USERDATA_KEYS} lists, all active. In dev mode, when none is listed, one is generated on first
 * start and kept under the data directory (owner-only), its public key written beside it for developers to encrypt
 * with. In prod mode one is required: without it no enrollment could be made, so the server does not start.
 */
final class UserDataKeys {

    /** Dev mode's private key, under the data directory. */
    static final Path DEV_KEY_FILE = Path.of("userdata-key.pem");
    /** Its public key (SubjectPublicKeyInfo PEM), for clients. */
    static final Path DEV_PUBLIC_KEY_FILE = Path.of("userdata-key.pub.pem");

    private UserDataKeys() {
    }

    static ServerKeys resolve(Configuration configuration) {
        List<Path> files = configuration.userDataKeys();
        if (files.isEmpty()) {
            if (configuration.mode() != Mode.DEV) {
                throw new ConfigurationException(Setting.USERDATA_KEYS,
                        "is required in prod mode: without a key no encryptedUserData can be decrypted");
            }
            files = List.of(loadOrCreate(configuration.dataDirectory()));
        }
        List<KeyPair> pairs = new ArrayList<>(files.size());
        for (Path file : files) {
            pairs.add(read(file));
        }
        try {
            return ServerKeys.of(pairs);
        } catch (IllegalArgumentException e) {
            // Says what is wrong (listed twice, not P-256), never the key.
            throw new ConfigurationException(Setting.USERDATA_KEYS, "is not usable: " + e.getMessage());
        }
    }

    private static KeyPair read(Path file) {
        return KeyFiles.read(Setting.USERDATA_KEYS, file, PemKeys::readPrivateKey,
                "cannot read the user data key " + file);
    }

    /** The dev key's file, generated when it does not exist yet; its public key beside it, rewritten if missing. */
    private static Path loadOrCreate(Path dataDirectory) {
        Path key = dataDirectory.resolve(DEV_KEY_FILE);
        Path publicKey = dataDirectory.resolve(DEV_PUBLIC_KEY_FILE);
        try {
            if (Files.exists(key)) {
                if (!Files.exists(publicKey)) {
                    Files.writeString(publicKey, PemKeys.write(read(key).getPublic()));
                }
                return key;
            }
            KeyPair pair = ServerKeys.generate();
            Path directory = key.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // Written beside the target and moved into place, so no reader ever sees half a key.
            Path temporary = Files.createTempFile(directory, ".userdata-key", ".tmp", ownerOnly(directory));
            try {
                Files.writeString(temporary, PemKeys.write(pair.getPrivate()));
                Files.move(temporary, key, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            Files.writeString(publicKey, PemKeys.write(pair.getPublic()));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev user data key in " + dataDirectory, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
