package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The public keys this server trusts to have signed bearer tokens. */
public final class TrustedKeys {

    private static final String JWKS_URI_SETTING = "CONTACTINFO_JWKS_URI";

    private TrustedKeys() {
    }

    /**
     * The keys to verify bearer tokens with: those of a JWKS read once from a {@code file:} URI or
     * fetched from an {@code https:} URL, plus the extra keys. An extra key that matches a token is
     * used without consulting the URL. A key without a kid (a PEM key, {@link PemPublicKeys}) matches
     * a token of its kind whatever kid the token names, or none; beside a URL it is tried after the
     * URL's keys.
     *
     * <p>A fetched JWKS is cached for {@link JwksSettings#cacheTtl()}; a token signed with a key not
     * in it triggers a fetch, so rotated keys are picked up, but no fetch follows another within
     * {@link JwksSettings#minFetchInterval()}. When a fetch fails the cached keys stay in use.
     * Plain {@code http:} is accepted only on a loopback host ({@code localhost},
     * {@code 127.0.0.0/8}, {@code ::1}), where no network can swap the keys: for tests and local
     * development. Redirects are not followed.
     *
     * @param jwksUri   where the JWKS is ({@code CONTACTINFO_JWKS_URI})
     * @param extraKeys further keys to trust, such as the development signing key
     * @param settings  how a remote JWKS is cached and fetched; unused for a file
     * @return a source of public keys only; private and symmetric material is dropped
     * @throws IllegalArgumentException when the URI has another scheme or plain http names a host
     *                                  other than a loopback one, a file is not a JWKS, or no URL
     *                                  is given and no public key remains
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static JWKSource<SecurityContext> source(Optional<URI> jwksUri, Collection<? extends JWK> extraKeys,
                                                    JwksSettings settings) {
        Optional<URI> url = jwksUri.filter(uri -> !"file".equalsIgnoreCase(uri.getScheme()));
        if (url.isEmpty()) {
            JWKSet trusted = load(jwksUri, extraKeys);
            return (selector, context) -> select(selector, trusted);
        }
        RemoteJwks remote;
        try {
            remote = new RemoteJwks(url.get(), settings, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(JWKS_URI_SETTING
                    + " must be a file: URI or an https: URL (plain http: only on a loopback host), not " + url.get(), e);
        }
        JWKSet extra = new JWKSet(List.copyOf(extraKeys)).toPublicJWKSet();
        // A key named by the token's kid is used without the URL; keys without a kid (PEM keys) are tried after the
        // URL's. A token signed by a PEM key that names a kid the URL's JWKS lacks thus lets it be fetched again (at
        // most every minFetchInterval), once per token: the verified tokens are cached.
        return (selector, context) -> {
            List<JWK> local = select(selector, extra);
            Set<String> kids = selector.getMatcher().getKeyIDs();
            boolean namesKid = kids != null && !kids.isEmpty();
            if (namesKid && local.stream().anyMatch(key -> key.getKeyID() != null)) {
                return local;
            }
            List<JWK> matches = new ArrayList<>(remote.get(selector, context));
            matches.addAll(local);
            return matches;
        };
    }

    /**
     * The keys of {@code keys} with a key id that the selector matches, then those without one that it matches but
     * for the token's kid: a PEM file does not name its key, the token's issuer names it as it likes. The verifier
     * tries each key it is given.
     */
    private static List<JWK> select(JWKSelector selector, JWKSet keys) {
        List<JWK> named = keys.getKeys().stream().filter(key -> key.getKeyID() != null).toList();
        List<JWK> unnamed = keys.getKeys().stream().filter(key -> key.getKeyID() == null).toList();
        List<JWK> matches = new ArrayList<>(selector.select(new JWKSet(named)));
        if (!unnamed.isEmpty()) {
            JWKMatcher anyKid = new JWKMatcher.Builder(selector.getMatcher()).keyIDs((Set<String>) null).build();
            matches.addAll(new JWKSelector(anyKid).select(new JWKSet(unnamed)));
        }
        return matches;
    }

    /**
     * @param jwksUri   where a JWKS JSON document is read from ({@code CONTACTINFO_JWKS_URI}); only
     *                  {@code file:} URIs, see {@link #source} for URLs
     * @param extraKeys further keys to trust, such as the development signing key
     * @return the public halves of all keys; private and symmetric material is dropped
     * @throws IllegalArgumentException when the URI is not a {@code file:} URI, the document is not a
     *                                  JWKS, or no public key remains
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static JWKSet load(Optional<URI> jwksUri, Collection<? extends JWK> extraKeys) {
        List<JWK> keys = new ArrayList<>();
        jwksUri.ifPresent(uri -> keys.addAll(readFile(uri).getKeys()));
        keys.addAll(extraKeys);
        JWKSet trusted = new JWKSet(keys).toPublicJWKSet();
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("no public key to verify bearer tokens with: set " + JWKS_URI_SETTING
                    + " or CONTACTINFO_JWT_PUBLIC_KEYS");
        }
        return trusted;
    }

    private static JWKSet readFile(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(JWKS_URI_SETTING + " must be a file: URI here, not scheme "
                    + uri.getScheme());
        }
        // "file:jwks.json" is opaque: read it as a path relative to the working directory.
        Path file = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        try {
            return JWKSet.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(JWKS_URI_SETTING + ": cannot read " + file, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException(JWKS_URI_SETTING + ": " + file + " is not a JWK set", e);
        }
    }
}
