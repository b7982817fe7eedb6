package io.contactinfo.adapter.rest.users;

import io.contactinfo.application.port.in.EnrollResult;
import java.util.List;

/** The 201 body of an enrollment: the new account and user, and the customer id (given or generated). */
record EnrollmentResponse(String accountIdentifier, String userIdentifier, String institutionCustomerId,
                          List<ResponseDetail> responseDetails) {

    static EnrollmentResponse of(EnrollResult result) {
        return new EnrollmentResponse(result.accountId().toString(), result.userId().toString(),
                result.customerId().value(), ResponseDetail.SUCCESS);
    }
}
