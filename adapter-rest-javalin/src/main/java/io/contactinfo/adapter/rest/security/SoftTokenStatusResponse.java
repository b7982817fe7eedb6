package io.contactinfo.adapter.rest.security;

import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenStatus;

/**
 * The body of {@code PUT /soft-token/status} and {@code PUT /soft-token/status/rollback}: the token's new status
 * and the one it left, each as its numeric code and its name, e.g.
 * {@code {"status":65,"statusName":"ACTIVE","previousStatus":64,"previousStatusName":"PRE_ASSIGNED"}}.
 */
record SoftTokenStatusResponse(int status, String statusName, Integer previousStatus, String previousStatusName) {

    static SoftTokenStatusResponse of(SoftToken token) {
        SoftTokenStatus previous = token.previousStatus().orElse(null);
        return new SoftTokenStatusResponse(token.status().code(), token.status().name(),
                previous == null ? null : previous.code(), previous == null ? null : previous.name());
    }
}
