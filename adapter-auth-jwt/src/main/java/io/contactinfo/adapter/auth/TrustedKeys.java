package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The public keys this server trusts to have signed bearer tokens. */
public final class TrustedKeys {

    private static final String JWKS_URI_SETTING = "CONTACTINFO_JWKS_URI";

    private TrustedKeys() {
    }

    /**
     * @param jwksUri   where a JWKS JSON document is read from ({@code CONTACTINFO_JWKS_URI}); only
     *                  {@code file:} URIs for now
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
            throw new IllegalArgumentException("no public key to verify bearer tokens with: set " + JWKS_URI_SETTING);
        }
        return trusted;
    }

    private static JWKSet readFile(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(JWKS_URI_SETTING + " must be a file: URI for now, not scheme "
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
