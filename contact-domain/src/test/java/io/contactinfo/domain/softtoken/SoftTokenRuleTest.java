package io.contactinfo.domain.softtoken;

import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.testing.TestClock;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 003 and SPEC §4.6: the soft token's numeric status, its transitions, and rollback to 64 PRE_ASSIGNED. */
class SoftTokenRuleTest {

    private static final Instant LATER = TestClock.NOW.plusSeconds(60);
    private static final DeviceBinding DEVICE = new DeviceBinding("device-7f3a", TestClock.NOW);

    private static SoftToken tokenIn(SoftTokenStatus status) {
        return SoftToken.reconstitute(UserId.random(), status, Optional.empty(),
                status.keepsDeviceBinding() ? Optional.of(DEVICE) : Optional.empty(), TestClock.NOW);
    }

    @ParameterizedTest(name = "{0} has code {1}")
    @CsvSource({"PRE_ASSIGNED,64", "ACTIVE,65", "SUSPENDED,66", "REVOKED,67"})
    void statusesHaveNumericCodes(SoftTokenStatus status, int code) {
        assertThat(status.code()).isEqualTo(code);
        assertThat(SoftTokenStatus.ofCode(code)).isEqualTo(status);
    }

    @ParameterizedTest(name = "code {0} is unknown")
    @ValueSource(ints = {0, 63, 68, -64})
    void otherCodesAreUnknown(int code) {
        assertBreaks(SoftTokenRule.STATUS_UNKNOWN, "status", () -> SoftTokenStatus.ofCode(code));
    }

    @Test
    void aNewTokenIsPreAssignedOnNoDevice() {
        SoftToken token = SoftToken.preAssign(UserId.random(), TestClock.NOW);

        assertThat(token.status()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
        assertThat(token.previousStatus()).isEmpty();
        assertThat(token.deviceBinding()).isEmpty();
        assertThat(token.statusChangedAt()).isEqualTo(TestClock.NOW);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed")
    @CsvSource({"PRE_ASSIGNED,ACTIVE", "PRE_ASSIGNED,REVOKED", "ACTIVE,SUSPENDED", "ACTIVE,REVOKED",
            "SUSPENDED,ACTIVE", "SUSPENDED,REVOKED"})
    void allowedTransitionsRecordThePreviousStatus(SoftTokenStatus from, SoftTokenStatus to) {
        SoftToken token = tokenIn(from);

        SoftToken changed = token.changeStatus(to, LATER);

        assertThat(changed.status()).isEqualTo(to);
        assertThat(changed.previousStatus()).contains(from);
        assertThat(changed.statusChangedAt()).isEqualTo(LATER);
        assertThat(changed.userId()).isNotNull().isEqualTo(token.userId());
    }

    @ParameterizedTest(name = "{0} -> {1} forbidden")
    @CsvSource({"PRE_ASSIGNED,PRE_ASSIGNED", "PRE_ASSIGNED,SUSPENDED", "ACTIVE,ACTIVE", "ACTIVE,PRE_ASSIGNED",
            "SUSPENDED,SUSPENDED", "SUSPENDED,PRE_ASSIGNED", "REVOKED,PRE_ASSIGNED", "REVOKED,ACTIVE",
            "REVOKED,SUSPENDED", "REVOKED,REVOKED"})
    void forbiddenTransitionsAreABusinessValidationFailure(SoftTokenStatus from, SoftTokenStatus to) {
        assertBreaks(SoftTokenRule.TRANSITION_FORBIDDEN, "status", () -> tokenIn(from).changeStatus(to, LATER));
    }

    @Test
    void suspendingKeepsTheDeviceBindingAndRevokingRemovesIt() {
        SoftToken active = tokenIn(SoftTokenStatus.ACTIVE);

        assertThat(active.changeStatus(SoftTokenStatus.SUSPENDED, LATER).deviceBinding()).contains(DEVICE);
        assertThat(active.changeStatus(SoftTokenStatus.REVOKED, LATER).deviceBinding()).isEmpty();
    }

    @ParameterizedTest(name = "{0} rolls back to 64 PRE_ASSIGNED")
    @EnumSource(value = SoftTokenStatus.class, names = {"ACTIVE", "SUSPENDED", "REVOKED"})
    void rollbackReturnsTheTokenTo64PreAssignedOnNoDevice(SoftTokenStatus from) {
        SoftToken rolledBack = tokenIn(from).rollback(LATER);

        assertThat(rolledBack.status()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
        assertThat(rolledBack.status().code()).isEqualTo(64);
        assertThat(rolledBack.previousStatus()).contains(from);
        assertThat(rolledBack.deviceBinding()).isEmpty();
        assertThat(rolledBack.statusChangedAt()).isEqualTo(LATER);
    }

    @Test
    void aPreAssignedTokenHasNothingToRollBack() {
        assertBreaks(SoftTokenRule.ROLLBACK_FORBIDDEN, "status", () -> tokenIn(SoftTokenStatus.PRE_ASSIGNED).rollback(LATER));
    }

    @Test
    void aTokenIsBoundToADeviceUnlessRevoked() {
        SoftToken bound = tokenIn(SoftTokenStatus.PRE_ASSIGNED).bind(DEVICE);

        assertThat(bound.deviceBinding()).contains(DEVICE);
        assertThat(bound.status()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
        assertThat(bound.changeStatus(SoftTokenStatus.ACTIVE, LATER).deviceBinding()).contains(DEVICE);
        assertBreaks(SoftTokenRule.REVOKED_NOT_BINDABLE, "deviceId", () -> tokenIn(SoftTokenStatus.REVOKED).bind(DEVICE));
    }

    @Test
    void onlyActiveAndSuspendedKeepTheDeviceBinding() {
        assertThat(SoftTokenStatus.PRE_ASSIGNED.keepsDeviceBinding()).isFalse();
        assertThat(SoftTokenStatus.ACTIVE.keepsDeviceBinding()).isTrue();
        assertThat(SoftTokenStatus.SUSPENDED.keepsDeviceBinding()).isTrue();
        assertThat(SoftTokenStatus.REVOKED.keepsDeviceBinding()).isFalse();
    }

    @Test
    void aDeviceIdIs1To128VisibleCharacters() {
        assertThat(new DeviceBinding("d".repeat(128), TestClock.NOW).deviceId()).hasSize(128);
        assertBreaks(SoftTokenRule.DEVICE_ID_FORMAT, "deviceId", () -> new DeviceBinding("d".repeat(129), TestClock.NOW));
        assertBreaks(SoftTokenRule.DEVICE_ID_FORMAT, "deviceId", () -> new DeviceBinding("", TestClock.NOW));
        assertBreaks(SoftTokenRule.DEVICE_ID_FORMAT, "deviceId", () -> new DeviceBinding("a b", TestClock.NOW));
        assertBreaks(SoftTokenRule.DEVICE_ID_FORMAT, "deviceId", () -> new DeviceBinding(null, TestClock.NOW));
    }
}
