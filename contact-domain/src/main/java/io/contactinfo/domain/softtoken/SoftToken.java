package io.contactinfo.domain.softtoken;

import io.contactinfo.domain.rule.Require;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's one soft token (seed 003; SPEC §4.6): its status, the status before the last change, and
 * the device it is bound to. The transitions are {@link SoftTokenStatus}'s.
 */
public final class SoftToken {

    private final UserId userId;
    private final SoftTokenStatus status;
    private final Optional<SoftTokenStatus> previousStatus;
    private final Optional<DeviceBinding> deviceBinding;
    private final Instant statusChangedAt;

    private SoftToken(UserId userId, SoftTokenStatus status, Optional<SoftTokenStatus> previousStatus,
                      Optional<DeviceBinding> deviceBinding, Instant statusChangedAt) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.status = Objects.requireNonNull(status, "status");
        this.previousStatus = Objects.requireNonNull(previousStatus, "previousStatus");
        this.deviceBinding = Objects.requireNonNull(deviceBinding, "deviceBinding");
        this.statusChangedAt = Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    }

    /** A token provisioned for a customer: {@code 64 PRE_ASSIGNED}, on no device. */
    public static SoftToken preAssign(UserId userId, Instant now) {
        return new SoftToken(userId, SoftTokenStatus.PRE_ASSIGNED, Optional.empty(), Optional.empty(), now);
    }

    /** A token as it was stored; for repositories only. */
    public static SoftToken reconstitute(UserId userId, SoftTokenStatus status,
                                         Optional<SoftTokenStatus> previousStatus,
                                         Optional<DeviceBinding> deviceBinding, Instant statusChangedAt) {
        return new SoftToken(userId, status, previousStatus, deviceBinding, statusChangedAt);
    }

    /**
     * The status API's change: records the status left, removes the device binding when {@code target} does
     * not keep one.
     *
     * @throws io.contactinfo.domain.rule.RuleViolation {@link SoftTokenRule#TRANSITION_FORBIDDEN}
     */
    public SoftToken changeStatus(SoftTokenStatus target, Instant now) {
        Require.that(status.canChangeTo(target), SoftTokenRule.TRANSITION_FORBIDDEN, "status");
        return moveTo(target, now);
    }

    /**
     * The rollback API: back to {@code 64 PRE_ASSIGNED}, on no device, recording the status left.
     *
     * @throws io.contactinfo.domain.rule.RuleViolation {@link SoftTokenRule#ROLLBACK_FORBIDDEN} when already there
     */
    public SoftToken rollback(Instant now) {
        Require.that(status.canRollBack(), SoftTokenRule.ROLLBACK_FORBIDDEN, "status");
        return moveTo(SoftTokenStatus.PRE_ASSIGNED, now);
    }

    /**
     * Binds the token to {@code binding}'s device, replacing any earlier one; the status is unchanged.
     *
     * @throws io.contactinfo.domain.rule.RuleViolation {@link SoftTokenRule#REVOKED_NOT_BINDABLE}
     */
    public SoftToken bind(DeviceBinding binding) {
        Require.that(status != SoftTokenStatus.REVOKED, SoftTokenRule.REVOKED_NOT_BINDABLE, "deviceId");
        return new SoftToken(userId, status, previousStatus, Optional.of(binding), statusChangedAt);
    }

    private SoftToken moveTo(SoftTokenStatus target, Instant now) {
        Optional<DeviceBinding> binding = target.keepsDeviceBinding() ? deviceBinding : Optional.empty();
        return new SoftToken(userId, target, Optional.of(status), binding, now);
    }

    public UserId userId() {
        return userId;
    }

    public SoftTokenStatus status() {
        return status;
    }

    public Optional<SoftTokenStatus> previousStatus() {
        return previousStatus;
    }

    public Optional<DeviceBinding> deviceBinding() {
        return deviceBinding;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }
}
