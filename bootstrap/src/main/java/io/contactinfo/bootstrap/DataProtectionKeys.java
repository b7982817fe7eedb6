package io.contactinfo.bootstrap;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The keys of data at rest (SPEC §4.1, §8): from {@code CONTACTINFO_DATA_KEYS},
 * {@code CONTACTINFO_DATA_KEY_ACTIVE} and {@code CONTACTINFO_LOOKUP_KEY}; in dev mode, when none is
 * set, generated on first start and kept under the data directory (owner-only), so that the H2
 * file written by one run can be read by the next.
 */
final class DataProtectionKeys {

    static final Path DEV_KEYS_FILE = Path.of("data-protection.properties");

    private DataProtectionKeys() {
    }

    static DataProtection resolve(Configuration configuration) {
        Configuration.DataKeys keys = configuration.dataKeys();
        boolean noneSet = keys.encryptionKeys().isEmpty() && keys.activeKeyId().isEmpty() && keys.lookupKey().isEmpty();
        if (noneSet && configuration.mode() == Mode.DEV) {
            return loadOrCreate(configuration.dataDirectory().resolve(DEV_KEYS_FILE));
        }
        String encryptionKeys = keys.encryptionKeys()
                .orElseThrow(() -> new ConfigurationException(Setting.DATA_KEYS, "is required"));
        String lookupKey = keys.lookupKey()
                .orElseThrow(() -> new ConfigurationException(Setting.LOOKUP_KEY, "is required"));
        return parse(encryptionKeys, keys.activeKeyId(), lookupKey);
    }

    private static DataProtection parse(String encryptionKeys, Optional<String> activeKeyId,
                                        String lookupKey) {
        Map<String, byte[]> byId = new LinkedHashMap<>();
        String last = null;
        for (String entry : encryptionKeys.split(",")) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new ConfigurationException(Setting.DATA_KEYS, "must list keyId:base64key entries");
            }
            last = entry.substring(0, colon).strip();
            byId.put(last, decode(Setting.DATA_KEYS, entry.substring(colon + 1)));
        }
        try {
            return new DataProtection(byId, activeKeyId.orElse(last), decode(Setting.LOOKUP_KEY, lookupKey));
        } catch (IllegalArgumentException e) {
            // The message names the key by id and says what is wrong with it, never its bytes.
            throw new ConfigurationException(Setting.DATA_KEYS, "is not usable: " + e.getMessage());
        }
    }

    private static byte[] decode(Setting setting, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting, "must be base64");
        }
    }

    private static DataProtection loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                write(file, DataProtection.generate());
            }
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
            return parse(stored.getProperty("keys"), Optional.ofNullable(stored.getProperty("active")),
                    stored.getProperty("lookup"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev data-protection keys in " + file, e);
        }
    }

    private static void write(Path file, DataProtection keys) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        Properties properties = new Properties();
        StringBuilder encryptionKeys = new StringBuilder();
        keys.encryptionKeys().forEach((id, key) -> encryptionKeys
                .append(encryptionKeys.isEmpty() ? "" : ",").append(id).append(':').append(base64.encodeToString(key)));
        properties.setProperty("keys", encryptionKeys.toString());
        properties.setProperty("active", keys.activeKeyId());
        properties.setProperty("lookup", base64.encodeToString(keys.hmacKey()));

        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "Dev mode's data-protection keys. Never use them for real customers' data.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
