package io.contactinfo.bootstrap;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings, read once from {@code CONTACTINFO_*} environment variables.
 *
 * @param mode          dev or prod
 * @param httpPort      the listening port
 * @param dataDirectory where dev mode keeps its database and signing key
 * @param databaseUrl   the JDBC URL
 * @param databaseUser  the database user
 * @param databasePassword the database password
 * @param dataKeys      the keys of data at rest, as configured ({@link Setting#DATA_KEYS} and its siblings)
 * @param userDataKeys  the PEM files of the keys that decrypt {@code encryptedUserData}; empty means "generate one"
 *                      in dev mode
 * @param jwksUri       a JWKS of trusted token-signing keys, if any
 * @param jwtIssuer     the required {@code iss}, if any
 * @param jwtAudience   the required {@code aud}, if any
 * @param claims        the claim names tokens use
 */
public record Configuration(Mode mode, int httpPort, Path dataDirectory, String databaseUrl, String databaseUser,
                            String databasePassword, DataKeys dataKeys, List<Path> userDataKeys, Optional<URI> jwksUri,
                            Optional<String> jwtIssuer, Optional<String> jwtAudience, Claims claims) {

    public Configuration {
        userDataKeys = List.copyOf(userDataKeys);
    }

    /** The configured keys of data at rest, unparsed; all absent means "generate them" in dev mode. */
    public record DataKeys(Optional<String> encryptionKeys, Optional<String> activeKeyId, Optional<String> lookupKey) {
    }

    /** The names of the claims the server reads from a token. */
    public record Claims(String institution, String customer, String scope, String clientId, String subject) {
    }

    /** Reads the settings from {@code variables} (normally {@link System#getenv()}); unset ones take their defaults. */
    public static Configuration from(Map<String, String> variables) {
        var read = new Reader(variables);
        Path dataDirectory = Path.of(read.value(Setting.DATA_DIR));
        return new Configuration(
                Mode.parse(read.value(Setting.MODE)),
                read.port(Setting.HTTP_PORT),
                dataDirectory,
                read.optional(Setting.DB_URL)
                        .orElse("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("contactinfo")),
                read.value(Setting.DB_USER),
                read.value(Setting.DB_PASSWORD),
                new DataKeys(read.optional(Setting.DATA_KEYS), read.optional(Setting.DATA_KEY_ACTIVE),
                        read.optional(Setting.LOOKUP_KEY)),
                read.paths(Setting.USERDATA_KEYS),
                read.optional(Setting.JWKS_URI).map(uri -> read.uri(Setting.JWKS_URI, uri)),
                read.optional(Setting.JWT_ISSUER),
                read.optional(Setting.JWT_AUDIENCE),
                new Claims(read.value(Setting.CLAIM_INSTITUTION), read.value(Setting.CLAIM_CUSTOMER),
                        read.value(Setting.CLAIM_SCOPE), read.value(Setting.CLAIM_CLIENT_ID),
                        read.value(Setting.CLAIM_SUBJECT)));
    }

    private record Reader(Map<String, String> variables) {

        Optional<String> optional(Setting setting) {
            return Optional.ofNullable(variables.get(setting.variable())).map(String::strip).filter(v -> !v.isEmpty());
        }

        String value(Setting setting) {
            return optional(setting).orElse(setting.defaultValue());
        }

        int port(Setting setting) {
            try {
                int port = Integer.parseInt(value(setting));
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below, with the variable's name
            }
            throw new ConfigurationException(setting, "must be a port number from 0 to 65535");
        }

        /** Comma-separated paths; empty items (a trailing comma) are ignored. */
        List<Path> paths(Setting setting) {
            return optional(setting).stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(path -> !path.isEmpty())
                    .map(path -> {
                        try {
                            return Path.of(path);
                        } catch (InvalidPathException e) {
                            throw new ConfigurationException(setting, "lists a path that is not one");
                        }
                    })
                    .toList();
        }

        URI uri(Setting setting, String value) {
            try {
                return URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(setting, "is not a URI");
            }
        }
    }
}
