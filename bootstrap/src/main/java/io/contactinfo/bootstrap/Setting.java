package io.contactinfo.bootstrap;

/**
 * Every setting of the server: its environment variable, its default and what it means.
 *
 * <p>This enum is the one place a setting is declared; the configuration reference is read
 * from it, so the two cannot drift.
 */
public enum Setting {
    MODE("CONTACTINFO_MODE", "dev",
            "dev: H2 under the data directory, a generated signing key, demo customers and a printed token. "
                    + "prod: none of these."),
    HTTP_PORT("CONTACTINFO_HTTP_PORT", "8080", "The TCP port the HTTP server listens on (0 picks a free one)."),
    DATA_DIR("CONTACTINFO_DATA_DIR", "./data",
            "Where dev mode keeps its H2 database file and its signing key."),
    DB_URL("CONTACTINFO_DB_URL", "jdbc:h2:file:<data dir>/contactinfo",
            "JDBC URL of the database: an H2 file (the default) or PostgreSQL (jdbc:postgresql://host/db)."),
    DB_USER("CONTACTINFO_DB_USER", "", "Database user."),
    DB_PASSWORD("CONTACTINFO_DB_PASSWORD", "", "Database password."),
    DATA_KEYS("CONTACTINFO_DATA_KEYS", "",
            "AES-256 keys that encrypt SSNs, dates of birth and queued messages at rest: keyId:base64 (32 bytes), "
                    + "comma-separated; older keys still decrypt. Dev mode generates one under the data directory."),
    DATA_KEY_ACTIVE("CONTACTINFO_DATA_KEY_ACTIVE", "the last key of CONTACTINFO_DATA_KEYS",
            "The id of the key that encrypts new values."),
    LOOKUP_KEY("CONTACTINFO_LOOKUP_KEY", "",
            "HMAC-SHA256 key (base64, 32 bytes) of the keyed hashes: SSN look-ups and OTP codes. Cannot be rotated."),
    USERDATA_KEYS("CONTACTINFO_USERDATA_KEYS", "",
            "Paths of PKCS#8 PEM files, comma-separated, each a P-256 private key that decrypts the Users API's "
                    + "encryptedUserData (EC_v1, EC_v2); all are active, so a new key can be published while data for "
                    + "the old one still arrives. Required in prod mode. Dev mode generates one under the data "
                    + "directory, its public key beside it."),
    SECURITY_ACCESS("CONTACTINFO_SECURITY_ACCESS", "dev mode: demo-bank:US:*:*; none otherwise",
            "The Security API's enabled combinations, institution:countryCode:businessCode:channelId, "
                    + "comma-separated, * for any value; a request with another combination is answered 403 "
                    + "accessNotConfigured."),
    ACCOUNT_LIMITS("CONTACTINFO_ACCOUNT_LIMITS", "1/3:2/10 for every institution",
            "Institutions' own account limits (SPEC §4.3), institution:ssnActive/ssnLifetime:phoneActive/"
                    + "phoneLifetime, comma-separated, e.g. demo-bank:1/3:3/12; each active count at least 1 and at most "
                    + "its lifetime count. Stored when the server or an import starts; an institution not listed "
                    + "keeps the limits it has."),
    JWKS_URI("CONTACTINFO_JWKS_URI", "",
            "A JWKS of the keys that sign the bearer tokens the server accepts: a file: URI, or an https: URL "
                    + "(cached 5 minutes, fetched again for an unknown kid at most every 30 s)."),
    JWT_PUBLIC_KEYS("CONTACTINFO_JWT_PUBLIC_KEYS", "",
            "Paths of PEM files, comma-separated, of public keys that sign the bearer tokens the server accepts "
                    + "(-----BEGIN PUBLIC KEY-----; RSA for RS256 and PS256, or EC on P-256 for ES256; several blocks in "
                    + "a file are several keys): instead of CONTACTINFO_JWKS_URI or beside it. A PEM key names no kid, "
                    + "so it is tried for a token of its kind whatever kid the token names, after the JWKS's keys."),
    JWT_ISSUER("CONTACTINFO_JWT_ISSUER", "", "When set, a token's iss claim must equal it."),
    JWT_AUDIENCE("CONTACTINFO_JWT_AUDIENCE", "", "When set, a token's aud claim must contain it."),
    CLAIM_INSTITUTION("CONTACTINFO_JWT_CLAIM_INSTITUTION", "institution_id", "Claim naming the caller's institution."),
    CLAIM_CUSTOMER("CONTACTINFO_JWT_CLAIM_CUSTOMER", "institution_customer_id",
            "Claim naming the customer a token was issued for."),
    CLAIM_SCOPE("CONTACTINFO_JWT_CLAIM_SCOPE", "scope",
            "Claim holding the space-separated scopes (a scp array is accepted too)."),
    CLAIM_CLIENT_ID("CONTACTINFO_JWT_CLAIM_CLIENT_ID", "client_id", "Claim naming the OAuth client."),
    CLAIM_SUBJECT("CONTACTINFO_JWT_CLAIM_SUBJECT", "sub", "Claim naming the token's subject."),
    NOTIFICATION_LANGUAGE("CONTACTINFO_NOTIFICATION_LANGUAGE", "en",
            "The language of notifications without a language parameter of their own: en or es."),
    SMTP_HOST("CONTACTINFO_SMTP_HOST", "",
            "When set, email notifications are sent through this SMTP server (dev mode logs them otherwise)."),
    SMTP_PORT("CONTACTINFO_SMTP_PORT", "the security's: 25 (NONE), 587 (STARTTLS) or 465 (TLS)",
            "The SMTP server's port."),
    SMTP_SECURITY("CONTACTINFO_SMTP_SECURITY", "STARTTLS",
            "NONE (plain text: a relay on a trusted network only), STARTTLS (required, not merely tried) or TLS "
                    + "(from the first byte, SMTPS). The server's certificate and name are checked."),
    SMTP_USERNAME("CONTACTINFO_SMTP_USERNAME", "",
            "When set, the login to the SMTP server, with CONTACTINFO_SMTP_PASSWORD."),
    SMTP_PASSWORD("CONTACTINFO_SMTP_PASSWORD", "", "The password of CONTACTINFO_SMTP_USERNAME."),
    SMTP_FROM("CONTACTINFO_SMTP_FROM", "",
            "The sender of email notifications, e.g. 'Example Bank <no-reply@bank.example>'; required with "
                    + "CONTACTINFO_SMTP_HOST. Its domain ends each Message-ID."),
    SMTP_TIMEOUT("CONTACTINFO_SMTP_TIMEOUT", "10s",
            "How long to wait for the SMTP connection, each reply and each write (e.g. 500ms, 10s, 1m)."),
    WEBHOOK_URL("CONTACTINFO_WEBHOOK_URL", "",
            "When set, SMS and voice notifications are posted to this URL as signed JSON (https; plain http only "
                    + "to a loopback address). Dev mode logs them otherwise."),
    WEBHOOK_SECRET("CONTACTINFO_WEBHOOK_SECRET", "",
            "The key of each webhook request's HMAC-SHA256 signature, at least 32 characters, shared with the "
                    + "receiver; required with CONTACTINFO_WEBHOOK_URL."),
    WEBHOOK_TIMEOUT("CONTACTINFO_WEBHOOK_TIMEOUT", "10s",
            "How long to wait for the webhook's connection, and then for its answer (e.g. 500ms, 10s, 1m)."),
    OTP_CODE_LENGTH("CONTACTINFO_OTP_CODE_LENGTH", "6", "Digits of a one-time passcode, 6 to 10."),
    OTP_VALIDITY("CONTACTINFO_OTP_VALIDITY", "5m", "How long a passcode can be verified, at most 10m."),
    OTP_MAX_ATTEMPTS("CONTACTINFO_OTP_MAX_ATTEMPTS", "5",
            "Wrong codes a challenge takes before it locks, 1 to 10."),
    OTP_RESEND_INTERVAL("CONTACTINFO_OTP_RESEND_INTERVAL", "30s",
            "Least time between two passcodes to one destination; 0s for none."),
    OTP_MAX_SENDS_PER_HOUR("CONTACTINFO_OTP_MAX_SENDS_PER_HOUR", "5",
            "Most passcodes sent to one destination in any hour."),
    OTP_PASSWORD_RESET_COOL_OFF("CONTACTINFO_OTP_PASSWORD_RESET_COOL_OFF", "24h",
            "No PASSWORD_RESET passcode goes to a phone or email changed more recently than this; 0s for no "
                    + "cool-off."),
    OTP_CONTACT_VERIFICATION_VALIDITY("CONTACTINFO_OTP_CONTACT_VERIFICATION_VALIDITY", "30m",
            "How long a contactVerificationId can be used in the Users API."),
    OTP_MAX_FAILED_VERIFICATIONS_PER_HOUR("CONTACTINFO_OTP_MAX_FAILED_VERIFICATIONS_PER_HOUR", "100",
            "Most wrong passcodes checked for one customer in any hour, whatever the challenges; beyond it none is "
                    + "checked.");

    private final String variable;
    private final String defaultValue;
    private final String meaning;

    Setting(String variable, String defaultValue, String meaning) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public String variable() {
        return variable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }
}
