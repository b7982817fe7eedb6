package io.contactinfo.adapter.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private final DataProtection protection = DataProtection.generate();
    private final FieldCipher cipher = new FieldCipher(protection);

    @Test
    void givenAValue_encrypt_thenDecryptInTheSameContextGivesItBack() {
        String stored = cipher.encrypt("123456789", "app_user.ssn:1");

        assertThat(stored).startsWith("k1:").doesNotContain("123456789");
        assertThat(cipher.decrypt(stored, "app_user.ssn:1")).isEqualTo("123456789");
    }

    @Test
    void givenTheSameValueTwice_encrypt_givesDifferentCiphertexts() {
        assertThat(cipher.encrypt("1980-05-17", "c")).isNotEqualTo(cipher.encrypt("1980-05-17", "c"));
    }

    @Test
    void givenAValueMovedToAnotherContext_decrypt_fails() {
        String stored = cipher.encrypt("123456789", "app_user.ssn:1");

        assertThatThrownBy(() -> cipher.decrypt(stored, "app_user.ssn:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAnAlteredValue_decrypt_fails() {
        String stored = cipher.encrypt("123456789", "c");
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "k1:" + Base64.getEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(altered, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenANewActiveKey_oldValuesStillDecryptAndNewOnesUseIt() {
        String old = cipher.encrypt("123456789", "c");
        DataProtection rotated = new DataProtection(
                Map.of("k1", protection.encryptionKeys().get("k1"), "k2", new byte[32]), "k2", protection.hmacKey());
        FieldCipher after = new FieldCipher(rotated);

        assertThat(after.decrypt(old, "c")).isEqualTo("123456789");
        assertThat(after.encrypt("123456789", "c")).startsWith("k2:");
    }

    @Test
    void givenAValueUnderAKeyNoLongerConfigured_decrypt_fails() {
        String stored = cipher.encrypt("123456789", "c");

        assertThatThrownBy(() -> new FieldCipher(DataProtection.generate()).decrypt(stored, "c"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAKeyOfTheWrongLength_dataProtection_isRefused() {
        assertThatThrownBy(() -> new DataProtection(Map.of("k1", new byte[16]), "k1", new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataProtection(Map.of("k1", new byte[32]), "k2", new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataProtection_neverShowsItsKeys() {
        assertThat(protection.toString()).isEqualTo("DataProtection[keyIds=[k1], activeKeyId=k1]");
    }
}
