package io.contactinfo.adapter.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how {@link WebhookNotificationSender} posts SMS and voice messages.
 *
 * @param url            the gateway's endpoint: {@code https}, or plain {@code http} to a loopback address only (the
 *                       body holds passcodes)
 * @param secret         the key of the HMAC-SHA256 signature (its UTF-8 bytes), at least
 *                       {@value #MIN_SECRET_LENGTH} characters, shared with the receiver
 * @param connectTimeout how long to wait for the connection
 * @param requestTimeout how long to wait for the answer
 */
public record WebhookSettings(URI url, String secret, Duration connectTimeout, Duration requestTimeout) {

    /** The shortest secret accepted: 32 random characters are beyond guessing. */
    public static final int MIN_SECRET_LENGTH = 32;

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        require(url.getHost() != null && (scheme.equals("https") || scheme.equals("http")),
                "url must be an absolute http(s) URL");
        require(scheme.equals("https") || isLoopback(url.getHost()),
                "url must be https (plain http only to a loopback address)");
        require(secret.length() >= MIN_SECRET_LENGTH,
                "secret must be at least " + MIN_SECRET_LENGTH + " characters");
        require(!connectTimeout.isNegative() && !connectTimeout.isZero()
                && !requestTimeout.isNegative() && !requestTimeout.isZero(), "timeouts must be positive");
    }

    /** The same timeout to connect and to answer. */
    public static WebhookSettings of(URI url, String secret, Duration timeout) {
        return new WebhookSettings(url, secret, timeout, timeout);
    }

    /** The secret stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + "]";
    }

    /** A literal loopback address or {@code localhost}; never a DNS look-up of another name. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
