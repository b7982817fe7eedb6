package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.JsonBody;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptionException;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.application.port.in.CallerContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The user data of a request, from {@code userData} where the {@link UserDataPolicy} allows it or decrypted from
 * {@code encryptedUserData} (SPEC §5.2). The plaintext is read by the same JSON rules as a plain {@code userData},
 * so a field of the wrong type is the same 400/100 naming {@code userData.…}.
 */
final class UserDataReader {

    private static final String ENCRYPTED = "encryptedUserData";

    private final UserDataPolicy policy;
    private final UserDataDecryptor decryptor;

    UserDataReader(UserDataPolicy policy, UserDataDecryptor decryptor) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
    }

    /**
     * The user data in plain text; empty when the request carries none.
     *
     * @param caller whose program code (the path's, checked against the token) and {@code X-GD-RequestID} EC_v1
     *               binds
     * @throws UsersApiException {@link UsersError#USER_DATA_TWICE} when both forms are sent (which one would count is
     *                           not guessed), {@link UsersError#PLAIN_USER_DATA_NOT_ALLOWED} for {@code userData}
     *                           under {@link UserDataPolicy#ENCRYPTED_ONLY}, or the refusal of the decryption
     * @throws MalformedRequestException naming the field of {@code encryptedUserData} that is not base64, the
     *                                   plaintext ({@code encryptedUserData.data}) when it is not a JSON object, or
     *                                   the field of {@code userData} whose value has the wrong type
     */
    Optional<UserDataBody> read(CallerContext caller, UserDataBody userData, EncryptedUserData encryptedUserData) {
        if (userData != null && encryptedUserData != null) {
            throw new UsersApiException(UsersError.USER_DATA_TWICE);
        }
        if (encryptedUserData != null) {
            return Optional.of(decrypt(caller, encryptedUserData));
        }
        if (userData != null && policy == UserDataPolicy.ENCRYPTED_ONLY) {
            throw new UsersApiException(UsersError.PLAIN_USER_DATA_NOT_ALLOWED);
        }
        return Optional.ofNullable(userData);
    }

    private UserDataBody decrypt(CallerContext caller, EncryptedUserData encrypted) {
        byte[] plaintext;
        try {
            plaintext = decryptor.decrypt(encrypted.payload(), caller.institutionId().value(), caller.correlationId());
        } catch (UserDataDecryptionException refused) {
            throw switch (refused.reason()) {
                case UNSUPPORTED_VERSION -> new UsersApiException(UsersError.ENCRYPTION_VERSION_UNSUPPORTED);
                case MALFORMED -> malformed(ENCRYPTED + "." + refused.field());
                case UNKNOWN_PUBLIC_KEY_HASH -> new UsersApiException(UsersError.ENCRYPTION_KEY_UNKNOWN);
                case INVALID_EPHEMERAL_KEY -> new UsersApiException(UsersError.EPHEMERAL_KEY_INVALID);
                case DECRYPTION_FAILED -> new UsersApiException(UsersError.USER_DATA_UNDECRYPTABLE);
            };
        }
        try {
            return JsonBody.read(plaintext, UserDataBody.class);
        } catch (MalformedRequestException unreadable) {
            throw malformed(MalformedRequestException.WHOLE_BODY.equals(unreadable.name()) ? ENCRYPTED + ".data"
                    : "userData." + unreadable.name());
        }
    }

    private static MalformedRequestException malformed(String field) {
        return new MalformedRequestException(MalformedRequestException.Part.BODY, field);
    }
}
