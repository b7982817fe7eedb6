package io.contactinfo.application.port.in;

import java.util.Objects;

/** A rollback of the Security API ({@code PUT /soft-token/status/rollback}) for the caller's customer's soft token. */
public record RollBackSoftTokenStatusCommand(CallerContext caller) {

    public RollBackSoftTokenStatusCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
