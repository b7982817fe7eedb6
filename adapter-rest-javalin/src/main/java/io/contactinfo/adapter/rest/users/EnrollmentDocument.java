package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.JsonBody;
import io.contactinfo.adapter.rest.MalformedRequestException;
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
        EnrollmentRequest request = JsonBody.parse(json, EnrollmentRequest.class);
        try {
            return request.toCommand(caller, UserDataPolicy.PLAIN_ACCEPTED, today);
        } catch (UsersApiException encrypted) {
            // The one refusal of PLAIN_ACCEPTED: encrypted data is read by the API only, when it supports it.
            throw new MalformedRequestException(MalformedRequestException.Part.BODY, "encryptedUserData");
        }
    }
}
