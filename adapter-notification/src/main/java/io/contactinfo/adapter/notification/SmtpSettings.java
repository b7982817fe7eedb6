package io.contactinfo.adapter.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link SmtpNotificationSender} hands email over.
 *
 * @param host           the SMTP server
 * @param port           its port, 1 to 65535
 * @param security       how the connection is protected
 * @param username       the login, when the server wants authentication (then {@code password} too)
 * @param password       the password of {@code username}
 * @param from           the sender's address, e.g. {@code "Example Bank <no-reply@bank.example>"}
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for each reply of the server
 * @param writeTimeout   how long a write to the server may block
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> username, String password,
                           String from, Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain text: only for a relay on the same host or network. */
        NONE(25),
        /** Plain text upgraded with STARTTLS before anything is sent; refused when the server does not offer it. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS, "implicit TLS"). */
        TLS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The port this kind of connection usually uses. */
        public int defaultPort() {
            return defaultPort;
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        require(!host.isBlank(), "host must not be blank");
        require(port >= 1 && port <= 65_535, "port must be from 1 to 65535");
        require(positive(connectTimeout) && positive(readTimeout) && positive(writeTimeout),
                "timeouts must be positive");
        fromAddress(from);
    }

    /** Every timeout the same, no authentication. */
    public static SmtpSettings of(String host, int port, Security security, String from, Duration timeout) {
        return new SmtpSettings(host, port, security, Optional.empty(), "", from, timeout, timeout, timeout);
    }

    /** The same settings, authenticating as {@code username}. */
    public SmtpSettings withLogin(String username, String password) {
        return new SmtpSettings(host, port, security, Optional.of(username), password, from, connectTimeout,
                readTimeout, writeTimeout);
    }

    /** {@link #from()} parsed; it must be one address with a domain. */
    InternetAddress fromAddress() {
        return fromAddress(from);
    }

    private static InternetAddress fromAddress(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new IllegalArgumentException("from must be an address with a domain");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("from is not an email address", e);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
