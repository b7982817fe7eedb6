package io.contactinfo.application.port.out;

/** Verifies an OAuth 2.0 bearer token (a compact JWS) and reads its claims. */
public interface AccessTokenVerifier {

    /**
     * @param token the compact serialization, without the {@code Bearer } prefix
     * @return the verified claims
     * @throws AccessTokenRejectedException when the token cannot be trusted, with the reason
     */
    AccessToken verify(String token);
}
