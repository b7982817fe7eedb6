package io.contactinfo.application.port.in;

import io.contactinfo.domain.softtoken.SoftTokenStatus;
import java.util.Objects;

/**
 * A status change of the Security API ({@code PUT /soft-token/status}) for the soft token of the caller's
 * customer (the token's {@link CallerContext#customerId()}).
 */
public record ChangeSoftTokenStatusCommand(CallerContext caller, SoftTokenStatus status) {

    public ChangeSoftTokenStatusCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(status, "status");
    }
}
