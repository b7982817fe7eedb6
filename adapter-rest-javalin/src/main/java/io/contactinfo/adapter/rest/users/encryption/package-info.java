/**
 * {@code encryptedUserData} of the Users API (SPEC §5.2), usable without Javalin: {@link
 * io.contactinfo.adapter.rest.users.encryption.UserDataEncryptor} for clients and tests,
 * {@link io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor} over the server's
 * {@link io.contactinfo.adapter.rest.users.encryption.ServerKeys}, {@link
 * io.contactinfo.adapter.rest.users.encryption.PemKeys} to read and write the keys.
 *
 * <ul>
 *   <li><b>EC_v1</b>: ECDH on P-256 between the server's key and the ephemeral key; the key is the NIST SP 800-56A
 *   §5.8.1 single-step KDF with SHA-256 over Z with {@code OtherInfo = 0x0D ‖ "id-aes256-GCM" ‖ programCode
 *   (ASCII) ‖ SHA-256(X-GD-RequestID, UTF-8)}; AES-256-GCM with an IV of 16 zero bytes, no AAD, the 128-bit tag
 *   appended. JDK only.</li>
 *   <li><b>EC_v2</b>: RFC 9180 HPKE base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, single-shot;
 *   {@code ephemeralPublicKey} is {@code enc} wrapped as a SubjectPublicKeyInfo; {@code info = "EC_v2"},
 *   {@code aad = "EC_v2" ‖ publicKeyHash} (the ASCII of the base64 text as sent). HPKE is BouncyCastle's.</li>
 * </ul>
 *
 * <p>In both, {@code publicKeyHash} is base64(SHA-256(SubjectPublicKeyInfo DER of the server key)) and is checked
 * before anything is decrypted; the ephemeral point is checked to be on P-256 by this package itself.
 */
package io.contactinfo.adapter.rest.users.encryption;
