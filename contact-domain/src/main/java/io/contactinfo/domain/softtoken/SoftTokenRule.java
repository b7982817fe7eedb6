package io.contactinfo.domain.softtoken;

import io.contactinfo.domain.rule.Rule;

/** Rules for a customer's soft token (seed 003; SPEC §4.6). */
public enum SoftTokenRule implements Rule {
    STATUS_UNKNOWN("softtoken.status.unknown", "A soft-token status is 64, 65, 66 or 67"),
    TRANSITION_FORBIDDEN("softtoken.status.transition",
            "The soft token's status does not allow this change (see the soft-token state machine)"),
    ROLLBACK_FORBIDDEN("softtoken.status.rollback",
            "A soft token already PRE_ASSIGNED (64) has nothing to roll back"),
    DEVICE_ID_FORMAT("softtoken.device-id.format", "A device id is 1-128 printable characters without spaces"),
    REVOKED_NOT_BINDABLE("softtoken.device-binding.revoked", "A revoked soft token cannot be bound to a device");

    private final String id;
    private final String description;

    SoftTokenRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
