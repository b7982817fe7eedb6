package io.contactinfo.adapter.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private final DataProtection protection = DataProtection.generate();

    @Test
    void givenTheSameValueKeyAndPurpose_hex_isTheSame() {
        assertThat(new KeyedHash(protection, "ssn").hex("123456789"))
                .isEqualTo(new KeyedHash(protection, "ssn").hex("123456789"))
                .hasSize(64)
                .doesNotContain("123456789");
    }

    @Test
    void givenAnotherPurposeKeyOrValue_hex_differs() {
        String hash = new KeyedHash(protection, "ssn").hex("123456789");

        assertThat(new KeyedHash(protection, "other").hex("123456789")).isNotEqualTo(hash);
        assertThat(new KeyedHash(DataProtection.generate(), "ssn").hex("123456789")).isNotEqualTo(hash);
        assertThat(new KeyedHash(protection, "ssn").hex("123456788")).isNotEqualTo(hash);
    }

    @Test
    void givenTheSameCodeForTwoChallenges_otpHashes_differ() {
        HmacOtpCodeHasher hasher = new HmacOtpCodeHasher(protection);
        OtpChallengeId challenge = OtpChallengeId.random();
        OtpCode code = new OtpCode("012345");

        assertThat(hasher.hash(challenge, code).matches(hasher.hash(challenge, new OtpCode("012345")))).isTrue();
        assertThat(hasher.hash(challenge, code).matches(hasher.hash(OtpChallengeId.random(), code))).isFalse();
        assertThat(hasher.hash(challenge, code).matches(hasher.hash(challenge, new OtpCode("012346")))).isFalse();
    }
}
