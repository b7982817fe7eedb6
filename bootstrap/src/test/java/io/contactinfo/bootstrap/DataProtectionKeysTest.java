package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataProtectionKeysTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dataDirectory;

    @Test
    void devModeGeneratesItsKeysOnceAndKeepsThemOwnerOnly() throws Exception {
        DataProtection first = DataProtectionKeys.resolve(configuration(Map.of()));
        DataProtection second = DataProtectionKeys.resolve(configuration(Map.of()));

        assertThat(second.encryptionKeys().get(second.activeKeyId()))
                .isEqualTo(first.encryptionKeys().get(first.activeKeyId()));
        assertThat(second.hmacKey()).isEqualTo(first.hmacKey());
        assertThat(Files.getPosixFilePermissions(dataDirectory.resolve(DataProtectionKeys.DEV_KEYS_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void configuredKeysAreUsedAndTheLastOneEncryptsUnlessAnotherIsNamed() {
        var keys = Map.of(Setting.DATA_KEYS, "old:" + KEY_1 + ",new:" + KEY_2, Setting.LOOKUP_KEY, KEY_2);

        assertThat(DataProtectionKeys.resolve(configuration(keys)).activeKeyId()).isEqualTo("new");
        var named = new HashMap<>(keys);
        named.put(Setting.DATA_KEY_ACTIVE, "old");
        assertThat(DataProtectionKeys.resolve(configuration(named)).activeKeyId()).isEqualTo("old");
        assertThat(Files.exists(dataDirectory.resolve(DataProtectionKeys.DEV_KEYS_FILE))).isFalse();
    }

    @Test
    void onceOneKeyIsConfiguredEachMissingOneIsNamed() {
        assertThatThrownBy(() -> DataProtectionKeys.resolve(configuration(Map.of(Setting.LOOKUP_KEY, KEY_1))))
                .isInstanceOf(ConfigurationException.class).hasMessage("CONTACTINFO_DATA_KEYS is required");
        assertThatThrownBy(() -> DataProtectionKeys.resolve(configuration(Map.of(Setting.DATA_KEYS, "k1:" + KEY_1))))
                .isInstanceOf(ConfigurationException.class).hasMessage("CONTACTINFO_LOOKUP_KEY is required");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> DataProtectionKeys.resolve(configuration(
                Map.of(Setting.DATA_KEYS, "k1:" + shortKey, Setting.LOOKUP_KEY, KEY_1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("CONTACTINFO_DATA_KEYS is not usable")
                .hasMessageNotContaining(shortKey);
    }

    private Configuration configuration(Map<Setting, String> settings) {
        var variables = new HashMap<String, String>();
        variables.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return Configuration.from(variables);
    }
}
