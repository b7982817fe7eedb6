package io.contactinfo.application.port.in;

import io.contactinfo.domain.user.InstitutionCustomerId;
import java.util.Objects;

/** Which customer's contact methods to list, and who asks. */
public record ListContactMethodsQuery(CallerContext caller, InstitutionCustomerId customerId) {

    public ListContactMethodsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(customerId, "customerId");
    }
}
