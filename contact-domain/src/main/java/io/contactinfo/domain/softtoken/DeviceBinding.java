package io.contactinfo.domain.softtoken;

import io.contactinfo.domain.rule.Require;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** The device a soft token lives on, and since when. */
public record DeviceBinding(String deviceId, Instant boundAt) {

    private static final Pattern DEVICE_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    public DeviceBinding {
        Require.matches(deviceId, DEVICE_ID, SoftTokenRule.DEVICE_ID_FORMAT, "deviceId");
        Objects.requireNonNull(boundAt, "boundAt");
    }
}
