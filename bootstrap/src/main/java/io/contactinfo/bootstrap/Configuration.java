package io.contactinfo.bootstrap;

import io.contactinfo.adapter.notification.Language;
import io.contactinfo.adapter.notification.SmtpSettings;
import io.contactinfo.adapter.notification.WebhookSettings;
import io.contactinfo.adapter.rest.security.AccessConfiguration;
import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.rule.RuleViolation;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * @param jwtPublicKeys PEM files of further trusted token-signing public keys
 * @param jwtIssuer     the required {@code iss}, if any
 * @param jwtAudience   the required {@code aud}, if any
 * @param claims        the claim names tokens use
 * @param notifications where notifications go
 * @param securityAccess the Security API's enabled country/business/channel combinations; empty means the demo
 *                       institution's in dev mode, none otherwise
 * @param accountLimits  the institutions given limits of their own, stored at start-up
 * @param otpPolicy      the numbers of the OTP rules
 */
public record Configuration(Mode mode, int httpPort, Path dataDirectory, String databaseUrl, String databaseUser,
                            String databasePassword, DataKeys dataKeys, List<Path> userDataKeys, Optional<URI> jwksUri,
                            List<Path> jwtPublicKeys, Optional<String> jwtIssuer, Optional<String> jwtAudience, Claims claims,
                            Notifications notifications, List<AccessConfiguration.Grant> securityAccess,
                            List<Institution> accountLimits, OtpPolicy otpPolicy) {

    public Configuration {
        accountLimits = List.copyOf(accountLimits);
        userDataKeys = List.copyOf(userDataKeys);
        jwtPublicKeys = List.copyOf(jwtPublicKeys);
        securityAccess = List.copyOf(securityAccess);
    }

    /** The configured keys of data at rest, unparsed; all absent means "generate them" in dev mode. */
    public record DataKeys(Optional<String> encryptionKeys, Optional<String> activeKeyId, Optional<String> lookupKey) {
    }

    /** The names of the claims the server reads from a token. */
    public record Claims(String institution, String customer, String scope, String clientId, String subject) {
    }

    /**
     * Where notifications go.
     *
     * @param language the language of a message without a {@code language} parameter of its own
     * @param smtp     the SMTP server of email notifications, if one is configured
     * @param webhook  the webhook of SMS and voice notifications, if one is configured
     */
    public record Notifications(Language language, Optional<SmtpSettings> smtp, Optional<WebhookSettings> webhook) {
    }

    /** The setting of each of {@link OtpPolicy}'s numbers, by the field its bounds name. */
    private static final Map<String, Setting> OTP_POLICY_FIELDS = Map.of(
            "codeLength", Setting.OTP_CODE_LENGTH,
            "validity", Setting.OTP_VALIDITY,
            "maxAttempts", Setting.OTP_MAX_ATTEMPTS,
            "resendInterval", Setting.OTP_RESEND_INTERVAL,
            "maxSendsPerHour", Setting.OTP_MAX_SENDS_PER_HOUR,
            "contactVerificationValidity", Setting.OTP_CONTACT_VERIFICATION_VALIDITY,
            "passwordResetCoolOff", Setting.OTP_PASSWORD_RESET_COOL_OFF,
            "maxFailedVerificationsPerHour", Setting.OTP_MAX_FAILED_VERIFICATIONS_PER_HOUR);

    /**
     * A setting prod mode does not start without (or, when there is one, its alternative), and what it is for: prod
     * mode generates nothing (SPEC §7).
     */
    record Requirement(Setting setting, Optional<Setting> alternative, String purpose) {

        Requirement(Setting setting, String purpose) {
            this(setting, Optional.empty(), purpose);
        }

        /** How the problem and the reference name it: {@code A} or {@code A or B}, with {@code quote} around each. */
        String names(String quote) {
            return quote + setting.variable() + quote
                    + alternative.map(other -> " or " + quote + other.variable() + quote).orElse("");
        }
    }

    /** What prod mode requires, in the order the problems are printed. */
    static final List<Requirement> REQUIRED_IN_PROD = List.of(
            new Requirement(Setting.JWKS_URI, Optional.of(Setting.JWT_PUBLIC_KEYS),
                    "the keys that sign the tokens the server accepts"),
            new Requirement(Setting.DATA_KEYS, "the keys that encrypt personal data at rest"),
            new Requirement(Setting.LOOKUP_KEY, "the key of SSN look-ups and passcode hashes"),
            new Requirement(Setting.USERDATA_KEYS, "the keys that decrypt the Users API's encryptedUserData"),
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
                read.paths(Setting.USERDATA_KEYS),
                read.optional(Setting.JWKS_URI).map(uri -> read.uri(Setting.JWKS_URI, uri)),
                read.paths(Setting.JWT_PUBLIC_KEYS),
                read.optional(Setting.JWT_ISSUER),
                read.optional(Setting.JWT_AUDIENCE),
                new Claims(read.value(Setting.CLAIM_INSTITUTION), read.value(Setting.CLAIM_CUSTOMER),
                        read.value(Setting.CLAIM_SCOPE), read.value(Setting.CLAIM_CLIENT_ID),
                        read.value(Setting.CLAIM_SUBJECT)),
                new Notifications(read.language(Setting.NOTIFICATION_LANGUAGE), smtp(read), webhook(read)),
                read.grants(Setting.SECURITY_ACCESS),
                read.accountLimits(Setting.ACCOUNT_LIMITS),
                otpPolicy(read));
    }

    /** Each number read as its setting says, then checked against SPEC §4.5's bounds by {@link OtpPolicy}. */
    private static OtpPolicy otpPolicy(Reader read) {
        try {
            return new OtpPolicy(read.count(Setting.OTP_CODE_LENGTH), read.duration(Setting.OTP_VALIDITY),
                    read.count(Setting.OTP_MAX_ATTEMPTS), read.duration(Setting.OTP_RESEND_INTERVAL, true),
                    read.count(Setting.OTP_MAX_SENDS_PER_HOUR), read.duration(Setting.OTP_CONTACT_VERIFICATION_VALIDITY),
                    read.duration(Setting.OTP_PASSWORD_RESET_COOL_OFF, true),
                    read.count(Setting.OTP_MAX_FAILED_VERIFICATIONS_PER_HOUR));
        } catch (RuleViolation outOfBounds) {
            Setting setting = OTP_POLICY_FIELDS.get(outOfBounds.field());
            throw new ConfigurationException(setting, "is out of its bounds: " + setting.meaning());
        }
    }

    private static Optional<SmtpSettings> smtp(Reader read) {
        Optional<String> host = read.optional(Setting.SMTP_HOST);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        SmtpSettings.Security security = read.security(Setting.SMTP_SECURITY);
        int port = read.optional(Setting.SMTP_PORT).isPresent() ? read.port(Setting.SMTP_PORT) : security.defaultPort();
        if (port == 0) {
            throw new ConfigurationException(Setting.SMTP_PORT, "must be a port number from 1 to 65535");
        }
        String from = read.required(Setting.SMTP_FROM, Setting.SMTP_HOST);
        Duration timeout = read.duration(Setting.SMTP_TIMEOUT);
        SmtpSettings settings;
        try {
            settings = SmtpSettings.of(host.get(), port, security, from, timeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Setting.SMTP_FROM, "must be one email address with a domain");
        }
        Optional<String> username = read.optional(Setting.SMTP_USERNAME);
        return Optional.of(username.isEmpty() ? settings
                : settings.withLogin(username.get(), read.required(Setting.SMTP_PASSWORD, Setting.SMTP_USERNAME)));
    }

    private static Optional<WebhookSettings> webhook(Reader read) {
        Optional<String> url = read.optional(Setting.WEBHOOK_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = read.uri(Setting.WEBHOOK_URL, url.get());
        String secret = read.required(Setting.WEBHOOK_SECRET, Setting.WEBHOOK_URL);
        if (secret.length() < WebhookSettings.MIN_SECRET_LENGTH) {
            throw new ConfigurationException(Setting.WEBHOOK_SECRET,
                    "must be at least " + WebhookSettings.MIN_SECRET_LENGTH + " characters");
        }
        Duration timeout = read.duration(Setting.WEBHOOK_TIMEOUT);
        try {
            return Optional.of(WebhookSettings.of(uri, secret, timeout));
        } catch (IllegalArgumentException e) {
            // The secret is checked above: what is left is the URL's scheme and host ("url must be https ...").
            throw new ConfigurationException(Setting.WEBHOOK_URL, e.getMessage().replaceFirst("^url ", ""));
        }
    }

    private record Reader(Map<String, String> variables) {

        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
        private static final Pattern ACCOUNT_LIMITS = Pattern.compile("([^:]+):(\\d{1,4})/(\\d{1,4}):(\\d{1,4})/(\\d{1,4})");

        Optional<String> optional(Setting setting) {
            return Optional.ofNullable(variables.get(setting.variable())).map(String::strip).filter(v -> !v.isEmpty());
        }

        void require(List<Requirement> requirements) {
            List<String> missing = requirements.stream()
                    .filter(requirement -> optional(requirement.setting()).isEmpty()
                            && requirement.alternative().flatMap(this::optional).isEmpty())
                    .map(requirement -> requirement.names("") + " is required in prod mode: "
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

        /** The value of a setting that {@code neededBy} needs; refused when absent. */
        String required(Setting setting, Setting neededBy) {
            return optional(setting).orElseThrow(() ->
                    new ConfigurationException(setting, "is required when " + neededBy.variable() + " is set"));
        }

        /** A whole number from 1 up. */
        int count(Setting setting) {
            try {
                int count = Integer.parseInt(value(setting));
                if (count >= 1) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below, with the variable's name
            }
            throw new ConfigurationException(setting, "must be a whole number from 1 up");
        }

        /**
         * A positive duration: a whole number of milliseconds ({@code 500ms}), seconds ({@code 10s}), minutes
         * ({@code 1m}) or hours ({@code 24h}).
         */
        Duration duration(Setting setting) {
            return duration(setting, false);
        }

        /** A duration as {@link #duration(Setting)} reads one, or zero ({@code 0s}) when {@code zeroAllowed}. */
        Duration duration(Setting setting, boolean zeroAllowed) {
            Matcher duration = DURATION.matcher(value(setting));
            if (duration.matches()) {
                long amount = Long.parseLong(duration.group(1));
                Duration parsed = switch (duration.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMinutes(amount);
                };
                if (zeroAllowed || !parsed.isZero()) {
                    return parsed;
                }
            }
            throw new ConfigurationException(setting, zeroAllowed ? "must be a duration such as 0s, 10s, 1m or 24h"
                    : "must be a positive duration such as 500ms, 10s, 1m or 24h");
        }

        Language language(Setting setting) {
            String tag = value(setting);
            return Language.ofTag(tag).filter(language -> language.code().equalsIgnoreCase(tag)).orElseThrow(() ->
                    new ConfigurationException(setting, "must be one of " + Arrays.stream(Language.values())
                            .map(Language::code).collect(Collectors.joining(", "))));
        }

        SmtpSettings.Security security(Setting setting) {
            try {
                return SmtpSettings.Security.valueOf(value(setting).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(setting, "must be one of NONE, STARTTLS, TLS");
            }
        }

        /** Comma-separated {@code institution:country:business:channel} grants; empty items are ignored. */
        List<AccessConfiguration.Grant> grants(Setting setting) {
            return optional(setting).stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(grant -> !grant.isEmpty())
                    .map(grant -> {
                        String[] parts = grant.split(":", -1);
                        if (parts.length != 4 || Arrays.stream(parts).anyMatch(String::isBlank)
                                || !(parts[1].equals(AccessConfiguration.Grant.ANY)
                                || parts[1].matches("[A-Za-z]{2}"))) {
                            throw new ConfigurationException(setting, "lists '" + grant
                                    + "', which is not institution:countryCode:businessCode:channelId");
                        }
                        return new AccessConfiguration.Grant(parts[0], parts[1], parts[2], parts[3]);
                    })
                    .toList();
        }

        /** Comma-separated {@code institution:ssnActive/ssnLifetime:phoneActive/phoneLifetime}; one each. */
        List<Institution> accountLimits(Setting setting) {
            List<Institution> institutions = optional(setting).stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(entry -> !entry.isEmpty())
                    .map(entry -> {
                        Matcher limits = ACCOUNT_LIMITS.matcher(entry);
                        try {
                            if (limits.matches()) {
                                return new Institution(new InstitutionId(limits.group(1)), new LimitSettings(
                                        Integer.parseInt(limits.group(2)), Integer.parseInt(limits.group(3)),
                                        Integer.parseInt(limits.group(4)), Integer.parseInt(limits.group(5))));
                            }
                        } catch (RuleViolation outOfRange) {
                            // said below
                        }
                        throw new ConfigurationException(setting, "lists '" + entry + "', which is not "
                                + "institution:ssnActive/ssnLifetime:phoneActive/phoneLifetime with each active count "
                                + "from 1 to its lifetime count");
                    })
                    .toList();
            if (institutions.stream().map(Institution::id).distinct().count() < institutions.size()) {
                throw new ConfigurationException(setting, "lists an institution twice");
            }
            return institutions;
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
