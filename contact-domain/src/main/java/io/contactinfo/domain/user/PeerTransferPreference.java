package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.Locale;

/** How a user accepts peer-to-peer transfers (seed 002, "peerTransferAcceptPreference"); manual unless set. */
public enum PeerTransferPreference {
    MANUAL, AUTOMATIC;

    public static final PeerTransferPreference DEFAULT = MANUAL;

    /**
     * @throws RuleViolation {@link ProfileRule#PEER_TRANSFER_PREFERENCE_VALUE} unless {@code text} is
     *                       manual or automatic, in any case
     */
    public static PeerTransferPreference parse(String text) {
        for (PeerTransferPreference preference : values()) {
            if (preference.name().equalsIgnoreCase(text)) {
                return preference;
            }
        }
        throw new RuleViolation(ProfileRule.PEER_TRANSFER_PREFERENCE_VALUE, "peerTransferAcceptPreference");
    }

    /** The name the Users API uses: {@code manual} or {@code automatic}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
