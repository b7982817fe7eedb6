package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §7: prod mode generates nothing, so it does not start without what dev mode would generate. */
class ProdModeConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /** Everything prod mode requires. */
    static Map<Setting, String> completeProd() {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.MODE, "prod");
        settings.put(Setting.JWKS_URI, "https://login.bank.example/jwks.json");
        settings.put(Setting.DATA_KEYS, "k1:" + KEY);
        settings.put(Setting.LOOKUP_KEY, KEY);
        settings.put(Setting.USERDATA_KEYS, "/etc/contact-info/userdata-key.pem");
        settings.put(Setting.DB_URL, "jdbc:postgresql://db.bank.example/contactinfo");
        return settings;
    }

    static Map<String, String> variables(Map<Setting, String> settings) {
        Map<String, String> variables = new HashMap<>();
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return variables;
    }

    @Test
    void prodModeStartsWithEveryRequiredSetting() {
        Configuration configuration = Configuration.from(variables(completeProd()));

        assertThat(configuration.mode()).isEqualTo(Mode.PROD);
        assertThat(configuration.databaseUrl()).isEqualTo("jdbc:postgresql://db.bank.example/contactinfo");
    }

    @ParameterizedTest
    @EnumSource(value = Setting.class, names = {"JWKS_URI", "DATA_KEYS", "LOOKUP_KEY", "USERDATA_KEYS", "DB_URL"})
    void givenProdMode_aMissingRequiredSetting_isNamedOnALineOfItsOwn(Setting missing) {
        Map<Setting, String> settings = completeProd();
        settings.remove(missing);

        ConfigurationException refused = catchThrowableOfType(
                () -> Configuration.from(variables(settings)), ConfigurationException.class);

        assertThat(refused.problems()).singleElement().asString()
                .startsWith(missing.variable() + (missing == Setting.JWKS_URI ? " or CONTACTINFO_JWT_PUBLIC_KEYS" : "")
                        + " is required in prod mode");
    }

    @Test
    void givenProdMode_aBlankSettingCountsAsMissing() {
        Map<Setting, String> settings = completeProd();
        settings.put(Setting.JWKS_URI, "  ");

        assertThat(catchThrowableOfType(() -> Configuration.from(variables(settings)), ConfigurationException.class)
                .problems()).singleElement().asString().startsWith("CONTACTINFO_JWKS_URI ");
    }

    @Test
    void givenPemPublicKeysInsteadOfAJwks_noRequiredSettingIsMissing() {
        Map<Setting, String> settings = completeProd();
        settings.remove(Setting.JWKS_URI);
        settings.put(Setting.JWT_PUBLIC_KEYS, "/etc/contact-info/issuer-2026.pem,/etc/contact-info/issuer-2027.pem");

        Configuration configuration = Configuration.from(variables(settings));

        assertThat(configuration.jwksUri()).isEmpty();
        assertThat(configuration.jwtPublicKeys()).containsExactly(Path.of("/etc/contact-info/issuer-2026.pem"),
                Path.of("/etc/contact-info/issuer-2027.pem"));
    }

    @Test
    void givenProdModeAlone_everyRequiredSettingIsNamedInOrder() {
        ConfigurationException refused = catchThrowableOfType(
                () -> Configuration.from(variables(Map.of(Setting.MODE, "prod"))), ConfigurationException.class);

        assertThat(refused.problems()).hasSize(Configuration.REQUIRED_IN_PROD.size());
        assertThat(refused.problems()).zipSatisfy(Configuration.REQUIRED_IN_PROD,
                (line, requirement) -> assertThat(line).startsWith(requirement.setting().variable() + " "));
    }

    @Test
    void devModeRequiresNothing() {
        Configuration configuration = Configuration.from(Map.of());

        assertThat(configuration.mode()).isEqualTo(Mode.DEV);
        assertThat(configuration.databaseUrl()).startsWith("jdbc:h2:file:");
    }
}
