package io.contactinfo.adapter.persistence.crypto;

import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpCodeHash;
import io.contactinfo.domain.otp.OtpCodeHasher;
import java.util.Objects;

/**
 * OTP codes as HMAC-SHA256 of the challenge id and the code (SPEC §4.5: "stored only as a keyed hash"). The
 * challenge id makes the same code of two challenges hash apart; the key makes the million 6-digit codes
 * impossible to try offline from a copy of the database.
 */
public final class HmacOtpCodeHasher implements OtpCodeHasher {

    private final KeyedHash hash;

    public HmacOtpCodeHasher(DataProtection protection) {
        this.hash = new KeyedHash(Objects.requireNonNull(protection, "protection"), "otp-code");
    }

    @Override
    public OtpCodeHash hash(OtpChallengeId challengeId, OtpCode code) {
        return OtpCodeHash.of(hash.hash(challengeId.value() + ":" + code.digits()));
    }
}
