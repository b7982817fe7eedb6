package io.contactinfo.bootstrap;

import java.net.URI;
import java.nio.file.Path;
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
 * @param jwksUri       a JWKS of trusted token-signing keys, if any
 * @param jwtIssuer     the required {@code iss}, if any
 * @param jwtAudience   the required {@code aud}, if any
 * @param claims        the claim names tokens use
 */
public record Configuration(Mode mode, int httpPort, Path dataDirectory, String databaseUrl, String databaseUser,
                            String databasePassword, DataKeys dataKeys, Optional<URI> jwksUri, Optional<String> jwtIssuer,
                            Optional<String> jwtAudience, Claims claims) {

    /** The configured keys of data at rest, unparsed; all absent means "generate them" in dev mode. */
    public record DataKeys(Optional<String> encryptionKeys, Optional<String> activeKeyId, Optional<String> lookupKey) {
    }

    /** The names of the claims the server reads from a token. */
    public record Claims(String institution, String customer, String scope, String clientId, String subject) {
    }

    /** A setting prod mode does not start without, and what it is for: prod mode generates nothing (SPEC §7). */
    record Requirement(Setting setting, String purpose) {
    }

    /** What prod mode requires, in the order the problems are printed. */
    static final List<Requirement> REQUIRED_IN_PROD = List.of(
            new Requirement(Setting.JWKS_URI, "the keys that sign the tokens the server accepts"),
            new Requirement(Setting.DATA_KEYS, "the keys that encrypt personal data at rest"),
            new Requirement(Setting.LOOKUP_KEY, "the key of SSN look-ups and passcode hashes"),
            new Requirement(Setting.DB_URL, "the database; prod mode never creates one under the data directory"));

    /**
     * Reads the settings from {@code variables} (normally {@link System#getenv()}); unset ones take their defaults.
     *
     * @throws ConfigurationException when a value is unusable, or, in prod mode, naming every required setting
     *                                that is missing, one per line
     */
    public static Configuration from(Map<String, String> variables) {
        var read = new Reader(variables);
        Mode mode = Mode.parse(read.value(Setting.MODE));
        if (mode == Mode.PROD) {
            read.require(REQUIRED_IN_PROD);
        }
        Path dataDirectory = Path.of(read.value(Setting.DATA_DIR));
        return new Configuration(
                mode,
                read.port(Setting.HTTP_PORT),
                dataDirectory,
                read.optional(Setting.DB_URL)
                        .orElse("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("contactinfo")),
                read.value(Setting.DB_USER),
                read.value(Setting.DB_PASSWORD),
                new DataKeys(read.optional(Setting.DATA_KEYS), read.optional(Setting.DATA_KEY_ACTIVE),
                        read.optional(Setting.LOOKUP_KEY)),
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

        void require(List<Requirement> requirements) {
            List<String> missing = requirements.stream()
                    .filter(requirement -> optional(requirement.setting()).isEmpty())
                    .map(requirement -> requirement.setting().variable() + " is required in prod mode: "
                            + requirement.purpose())
                    .toList();
            if (!missing.isEmpty()) {
                throw new ConfigurationException(missing);
            }
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

        URI uri(Setting setting, String value) {
            try {
                return URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(setting, "is not a URI");
            }
        }
    }
}
