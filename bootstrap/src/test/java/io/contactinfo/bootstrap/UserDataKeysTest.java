package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.adapter.rest.users.encryption.PemKeys;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataKeysTest {

    @TempDir
    Path dataDirectory;

    @Test
    void devModeGeneratesOneKeyOnce_ownerOnly_withItsPublicKeyBeside() throws Exception {
        ServerKeys first = UserDataKeys.resolve(configuration(Map.of()));
        ServerKeys second = UserDataKeys.resolve(configuration(Map.of()));

        assertThat(first.publicKeys()).hasSize(1);
        assertThat(second.publicKeys()).isEqualTo(first.publicKeys());
        Path key = dataDirectory.resolve(UserDataKeys.DEV_KEY_FILE);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(PemKeys.readPublicKey(Files.readString(dataDirectory.resolve(UserDataKeys.DEV_PUBLIC_KEY_FILE))))
                .isEqualTo(first.publicKeys().get(0));
    }

    @Test
    void aDeletedDevPublicKey_isWrittenAgainFromThePrivateKey() throws Exception {
        ServerKeys keys = UserDataKeys.resolve(configuration(Map.of()));
        Files.delete(dataDirectory.resolve(UserDataKeys.DEV_PUBLIC_KEY_FILE));

        UserDataKeys.resolve(configuration(Map.of()));

        assertThat(PemKeys.readPublicKey(Files.readString(dataDirectory.resolve(UserDataKeys.DEV_PUBLIC_KEY_FILE))))
                .isEqualTo(keys.publicKeys().get(0));
    }

    @Test
    void configuredKeys_areAllActive_andNothingIsGenerated() throws Exception {
        KeyPair old = ServerKeys.generate();
        KeyPair current = ServerKeys.generate();
        Path oldFile = Files.writeString(dataDirectory.resolve("old.pem"), PemKeys.write(old.getPrivate()));
        Path currentFile = Files.writeString(dataDirectory.resolve("current.pem"), PemKeys.write(current.getPrivate()));

        ServerKeys keys = UserDataKeys.resolve(configuration(Map.of(Setting.MODE, "prod",
                Setting.USERDATA_KEYS, oldFile + " , " + currentFile + ",")));

        assertThat(keys.publicKeys()).containsExactly(old.getPublic(), current.getPublic());
        assertThat(Files.exists(dataDirectory.resolve(UserDataKeys.DEV_KEY_FILE))).isFalse();
    }

    @Test
    void prodModeWithoutAKey_doesNotStart() {
        assertThatThrownBy(() -> UserDataKeys.resolve(configuration(Map.of(Setting.MODE, "prod"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("CONTACTINFO_USERDATA_KEYS is required in prod mode");
        assertThat(Files.exists(dataDirectory.resolve(UserDataKeys.DEV_KEY_FILE))).isFalse();
    }

    @Test
    void aMissingFileOrOneThatIsNotAP256Key_isNamed_withoutShowingItsContent() throws Exception {
        Path missing = dataDirectory.resolve("missing.pem");
        Path notAKey = Files.writeString(dataDirectory.resolve("public.pem"),
                PemKeys.write(ServerKeys.generate().getPublic()));

        assertThatThrownBy(() -> UserDataKeys.resolve(configuration(Map.of(Setting.USERDATA_KEYS, missing.toString()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CONTACTINFO_USERDATA_KEYS lists " + missing + ", which does not exist");
        assertThatThrownBy(() -> UserDataKeys.resolve(configuration(Map.of(Setting.USERDATA_KEYS, notAKey.toString()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CONTACTINFO_USERDATA_KEYS lists " + notAKey + ": no -----BEGIN PRIVATE KEY----- block");
    }

    @Test
    void theSameKeyListedTwice_isRefused() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("key.pem"), PemKeys.write(ServerKeys.generate().getPrivate()));

        assertThatThrownBy(() -> UserDataKeys.resolve(configuration(Map.of(Setting.USERDATA_KEYS, file + "," + file))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CONTACTINFO_USERDATA_KEYS is not usable: a user data key is listed twice");
    }

    private Configuration configuration(Map<Setting, String> settings) {
        var variables = new HashMap<String, String>();
        variables.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        if ("prod".equals(settings.get(Setting.MODE))) {
            // The other settings prod mode requires, so that only those under test are missing.
            Map<Setting, String> prod = ProdModeConfigurationTest.completeProd();
            prod.remove(Setting.USERDATA_KEYS); // what these tests are about
            prod.forEach((setting, value) -> variables.put(setting.variable(), value));
        }
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return Configuration.from(variables);
    }
}
