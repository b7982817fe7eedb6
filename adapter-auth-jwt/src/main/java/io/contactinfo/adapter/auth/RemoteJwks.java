package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The JWKS an issuer publishes at a URL, fetched on first use and cached for
 * {@link JwksSettings#cacheTtl()}. A token whose key is not in the cached set triggers a fetch, so
 * a rotated key is picked up at once; every fetch, whatever triggers it, waits at least
 * {@link JwksSettings#minFetchInterval()} after the previous one. A failed fetch is logged and the
 * cached keys stay in use; a key they do not hold is then simply not trusted.
 *
 * <p>The URL must be {@code https}. Plain {@code http} is accepted only for a loopback host
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}): keys fetched over plain http from anywhere
 * else could be swapped on the way, but an issuer on the same machine, as in tests and local
 * development, is reached without a network. Redirects are not followed.
 */
final class RemoteJwks implements JWKSource<SecurityContext> {

    private static final System.Logger LOG = System.getLogger(RemoteJwks.class.getName());
    private static final int MAX_BYTES = 512 * 1024;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI uri;
    private final JwksSettings settings;
    private final Clock clock;
    private final ResourceRetriever retriever;

    // One lock: at most one fetch runs, and tokens arriving meanwhile wait for its keys.
    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastFetchAttempt;

    /**
     * @throws IllegalArgumentException when the URL is neither https nor http on a loopback host
     */
    RemoteJwks(URI uri, JwksSettings settings, Clock clock) {
        this.uri = requireSecureTransport(uri);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retriever = new DefaultResourceRetriever(Math.toIntExact(settings.connectTimeout().toMillis()),
                Math.toIntExact(settings.readTimeout().toMillis()), MAX_BYTES) {
            @Override
            protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
                // A redirect could lead from a loopback host elsewhere over plain http.
                HttpURLConnection connection = super.openHTTPConnection(url);
                connection.setInstanceFollowRedirects(false);
                return connection;
            }
        };
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) {
        Instant now = clock.instant();
        if (keys == null || !now.isBefore(fetchedAt.plus(settings.cacheTtl()))) {
            fetchUnlessTooSoon(now);
        }
        List<JWK> matches = keys == null ? List.of() : selector.select(keys);
        if (matches.isEmpty() && fetchUnlessTooSoon(now)) {
            matches = selector.select(keys);
        }
        return matches;
    }

    /** @return whether a fresh key set was fetched */
    private boolean fetchUnlessTooSoon(Instant now) {
        if (lastFetchAttempt != null && now.isBefore(lastFetchAttempt.plus(settings.minFetchInterval()))) {
            return false;
        }
        lastFetchAttempt = now;
        try {
            keys = JWKSet.parse(retriever.retrieveResource(uri.toURL()).getContent()).toPublicJWKSet();
            fetchedAt = now;
            return true;
        } catch (IOException | ParseException e) {
            LOG.log(Level.WARNING, "cannot fetch the JWKS from {0}, keeping {1} cached keys: {2}", uri,
                    keys == null ? 0 : keys.size(), e.toString());
            return false;
        }
    }

    private static URI requireSecureTransport(URI uri) {
        String scheme = Objects.requireNonNull(uri, "uri").getScheme();
        if (uri.getHost() != null
                && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme) && isLoopback(uri.getHost()))) {
            return uri;
        }
        throw new IllegalArgumentException("a JWKS URL must be https (plain http only on a loopback host), not " + uri);
    }

    /** Only {@code localhost} and IP literals: no other name is resolved, since DNS may point it anywhere later. */
    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (IPV4.matcher(host).matches()) {
            int[] octets = Arrays.stream(host.split("\\.")).mapToInt(Integer::parseInt).toArray();
            return octets[0] == 127 && Arrays.stream(octets).allMatch(octet -> octet <= 255);
        }
        try {
            return host.startsWith("[") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
