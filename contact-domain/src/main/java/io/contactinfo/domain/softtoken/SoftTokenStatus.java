package io.contactinfo.domain.softtoken;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.Set;

/**
 * The numeric status of a soft token (seed 003 names {@code 64 PRE_ASSIGNED}; SPEC §4.6 defines the rest).
 *
 * <pre>
 *   64 PRE_ASSIGNED --> 65 ACTIVE, 67 REVOKED
 *   65 ACTIVE       --> 66 SUSPENDED, 67 REVOKED
 *   66 SUSPENDED    --> 65 ACTIVE, 67 REVOKED
 *   67 REVOKED      --> (none)
 *   rollback: 65, 66, 67 --> 64 PRE_ASSIGNED
 * </pre>
 * A token keeps its device binding only while ACTIVE or SUSPENDED.
 */
public enum SoftTokenStatus {
    /** Provisioned for the customer, not yet on a device. */
    PRE_ASSIGNED(64, false),
    /** Bound to the customer's device and usable. */
    ACTIVE(65, true),
    /** Bound, but not usable until reactivated. */
    SUSPENDED(66, true),
    /** Withdrawn for good; only a rollback re-provisions it. */
    REVOKED(67, false);

    private final int code;
    private final boolean keepsDeviceBinding;

    SoftTokenStatus(int code, boolean keepsDeviceBinding) {
        this.code = code;
        this.keepsDeviceBinding = keepsDeviceBinding;
    }

    public int code() {
        return code;
    }

    /** False when moving to this status removes the device binding. */
    public boolean keepsDeviceBinding() {
        return keepsDeviceBinding;
    }

    /** True when the status API may move a token from this status to {@code target}. */
    public boolean canChangeTo(SoftTokenStatus target) {
        return switch (this) {
            case PRE_ASSIGNED -> Set.of(ACTIVE, REVOKED).contains(target);
            case ACTIVE -> Set.of(SUSPENDED, REVOKED).contains(target);
            case SUSPENDED -> Set.of(ACTIVE, REVOKED).contains(target);
            case REVOKED -> false;
        };
    }

    /** True when the rollback API may return a token in this status to {@link #PRE_ASSIGNED}. */
    public boolean canRollBack() {
        return this != PRE_ASSIGNED;
    }

    /** @throws RuleViolation {@link SoftTokenRule#STATUS_UNKNOWN} for a code that names no status */
    public static SoftTokenStatus ofCode(int code) {
        for (SoftTokenStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new RuleViolation(SoftTokenRule.STATUS_UNKNOWN, "status");
    }
}
