package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {

    /** The committed reference, from bootstrap's directory, where Maven runs its tests. */
    private static final Path COMMITTED = Path.of("..", "docs", "configuration.md");

    @Test
    void theCommittedReferenceIsWhatTheCodeGenerates() throws Exception {
        assertThat(Files.readString(COMMITTED))
                .as("docs/configuration.md is not what the Setting enum generates; regenerate it with%n  %s",
                        ConfigurationReference.REGENERATE)
                .isEqualTo(ConfigurationReference.markdown());
    }

    @Test
    void everySettingIsListedWithItsDefaultAndMeaning() {
        String reference = ConfigurationReference.markdown();

        for (Setting setting : Setting.values()) {
            assertThat(reference).contains("| `" + setting.variable() + "` |")
                    .contains(setting.meaning().replace("|", "\\|"));
        }
    }
}
