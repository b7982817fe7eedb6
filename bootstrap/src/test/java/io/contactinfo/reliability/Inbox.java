package io.contactinfo.reliability;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.adapter.persistence.crypto.FieldCipher;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The customer's phone and mailbox, for tests that must know a passcode: the latest {@code OTP_CODE} message to a
 * destination, read from the outbox and decrypted with the dev mode's data keys, as the sender would.
 */
final class Inbox {

    /** The dev mode's data keys under the data directory, as the server names them. */
    private static final String KEYS_FILE = "data-protection.properties";

    private final String databaseUrl;
    private final FieldCipher cipher;

    Inbox(Path dataDirectory, String databaseUrl) {
        this.databaseUrl = databaseUrl;
        this.cipher = new FieldCipher(keys(dataDirectory.resolve(KEYS_FILE)));
    }

    /** The code of the latest passcode sent to {@code destination} (ten digits, or an email address). */
    String latestCode(String destination) {
        List<Map<String, Object>> messages = Databases.rows(databaseUrl, """
                SELECT message_id, parameters_enc FROM notification_outbox
                 WHERE kind = 'OTP_CODE' AND destination = ? ORDER BY seq DESC""", destination);
        if (messages.isEmpty()) {
            throw new IllegalStateException("no passcode was sent to that destination");
        }
        Map<String, Object> latest = messages.get(0);
        String parameters = cipher.decrypt((String) latest.get("parameters_enc"),
                "notification_outbox.parameters:" + latest.get("message_id"));
        Map<String, String> decoded = new LinkedHashMap<>();
        for (String pair : parameters.split("&")) {
            int equals = pair.indexOf('=');
            decoded.put(pair.substring(0, equals),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return decoded.get("code");
    }

    private static DataProtection keys(Path file) {
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> byId = new LinkedHashMap<>();
        for (String entry : stored.getProperty("keys").split(",")) {
            int colon = entry.indexOf(':');
            byId.put(entry.substring(0, colon), Base64.getDecoder().decode(entry.substring(colon + 1)));
        }
        return new DataProtection(byId, stored.getProperty("active"),
                Base64.getDecoder().decode(stored.getProperty("lookup")));
    }
}
