package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.JsonBody;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.domain.rule.RuleViolation;
import java.time.LocalDate;

/**
 * An enrollment written exactly as the body of {@code POST /programs/{programCode}/enrollments}, with plain
 * {@code userData}, read outside HTTP: one row of a bulk load. The same code reads both, so a row and a request
 * mean the same thing and meet the same rules.
 */
public final class EnrollmentDocument {

    /** Plain user data, and no key to decrypt any other. */
    private static final UserDataReader PLAIN_ONLY = new UserDataReader(UserDataPolicy.PLAIN_ACCEPTED,
            new UserDataDecryptor(ServerKeys.none()));

    private EnrollmentDocument() {
    }

    /**
     * @param json   one JSON object, UTF-8
     * @param caller who enrolls; the account opens in the caller's institution
     * @param today  the latest date of birth
     * @throws MalformedRequestException naming the field (a dotted path) whose value has the wrong type, the whole
     *                                   body when it is not a JSON object, or {@code encryptedUserData}, which a
     *                                   document does not carry
     * @throws RuleViolation             when a value breaks the domain's rule for its field
     */
    public static EnrollCommand toCommand(byte[] json, CallerContext caller, LocalDate today) {
        EnrollmentRequest request = JsonBody.read(json, EnrollmentRequest.class);
        try {
            return request.toCommand(caller, PLAIN_ONLY, today);
        } catch (UsersApiException encrypted) {
            // The only refusals of a reader without keys: a document carries its user data in plain text.
            throw new MalformedRequestException(MalformedRequestException.Part.BODY, "encryptedUserData");
        }
    }
}
