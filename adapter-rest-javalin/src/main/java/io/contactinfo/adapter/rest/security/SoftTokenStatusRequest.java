package io.contactinfo.adapter.rest.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.softtoken.SoftTokenStatus;

/**
 * The body of {@code PUT /soft-token/status}: {@code {"status": 65}}. The status is kept as JSON so that only an
 * integer is taken: Jackson would truncate {@code 65.9} to 65.
 */
record SoftTokenStatusRequest(JsonNode status) {

    static final String STATUS = "status";

    /**
     * @throws SecurityApiException invalidRequest at {@code status} unless it is one of the numeric codes of
     *                              {@link SoftTokenStatus}
     */
    SoftTokenStatus requested() {
        if (status == null || !status.isIntegralNumber() || !status.canConvertToInt()) {
            throw SecurityApiException.invalid(STATUS);
        }
        try {
            return SoftTokenStatus.ofCode(status.intValue());
        } catch (RuleViolation unknownCode) {
            throw SecurityApiException.invalid(STATUS);
        }
    }
}
