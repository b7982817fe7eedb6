package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line as a person meets it: what {@code main} prints and the exit status it ends with. */
class MainTest {

    @TempDir
    Path dataDirectory;

    /** What one run printed and how it ended. */
    record Outcome(int status, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs the command line in dev mode on the test's data directory, with {@code settings} on top. */
    static Outcome run(Path dataDirectory, Map<Setting, String> settings, String... args) {
        Map<String, String> environment = new HashMap<>();
        environment.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        settings.forEach((setting, value) -> environment.put(setting.variable(), value));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome run(String... args) {
        return run(dataDirectory, Map.of(), args);
    }

    @Test
    void helpIsPrintedOnStdoutAndEndsWell() {
        Outcome outcome = run("--help");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).startsWith("Usage: java -jar contact-info.jar [command] [options]");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void anUnknownCommandIsOneLineAndTheUsageOnStderrWithStatus2() {
        Outcome outcome = run("start");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errLines().get(0)).isEqualTo("contact-info: unknown command 'start'");
        assertThat(outcome.errLines().get(1)).startsWith("Usage: java -jar contact-info.jar [command]");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineAndTheCommandsUsageOnStderrWithStatus2() {
        Outcome outcome = run("import", "--file", "customers.jsonl", "--dry-run");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errLines().get(0)).isEqualTo("contact-info: unknown option '--dry-run' for import");
        assertThat(outcome.errLines().get(1)).isEqualTo("Usage: java -jar contact-info.jar import [options]");
    }

    @Test
    void givenProdModeWithNothingElse_theServerDoesNotStartAndEachMissingSettingIsNamed() {
        Outcome outcome = run(dataDirectory, Map.of(Setting.MODE, "prod"));

        assertThat(outcome.status()).isNotZero();
        assertThat(outcome.errLines()).hasSize(5).allSatisfy(line -> assertThat(line).startsWith("contact-info: "));
        assertThat(outcome.err()).contains("CONTACTINFO_JWKS_URI", "CONTACTINFO_DATA_KEYS", "CONTACTINFO_LOOKUP_KEY",
                "CONTACTINFO_USERDATA_KEYS", "CONTACTINFO_DB_URL");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void migrateBringsTheSchemaUpToDateOnce() {
        Outcome first = run("migrate");
        Outcome again = run("migrate");

        assertThat(first.status()).isZero();
        assertThat(first.out()).startsWith("Database schema at version ").doesNotContain("(0 migrations applied)");
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("(0 migrations applied)");
    }

    @Test
    void serveWithAJwksFileThatCannotBeReadSaysSoInOneLineWithStatus1() {
        Path missing = dataDirectory.resolve("missing-jwks.json");

        Outcome outcome = run(dataDirectory, Map.of(Setting.HTTP_PORT, "0", Setting.JWKS_URI,
                missing.toUri().toString()), "serve");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.errLines()).containsExactly("contact-info: serve failed: CONTACTINFO_JWKS_URI: cannot read "
                + missing);
    }

    @Test
    void aDatabaseTheJarCannotOpenIsOneLineWithoutTheUrlsParameters() throws IOException {
        Map<Setting, String> noDriver = Map.of(Setting.HTTP_PORT, "0",
                Setting.DB_URL, "jdbc:mysql://db.bank.example/ci?user=ci&password=s3cret");

        Path rows = Files.writeString(dataDirectory.resolve("rows.jsonl"), "{}\n");
        for (String command : List.of("serve", "import")) {
            Outcome outcome = command.equals("import")
                    ? run(dataDirectory, noDriver, "import", "--file", rows.toString())
                    : run(dataDirectory, noDriver, command);

            assertThat(outcome.status()).as(command).isEqualTo(1);
            assertThat(outcome.errLines()).as(command).singleElement().asString()
                    .startsWith("contact-info: " + command + " failed: ")
                    .contains("jdbc:mysql://db.bank.example/ci")
                    .doesNotContain("s3cret").doesNotContain("user=ci");
        }
    }

    @Test
    void aFailureIsDescribedByItsMessagesAndItsCausesOnce() {
        var refused = new ConnectException("Connection refused");
        var pool = new IllegalStateException("Failed to initialize pool: Connection refused", refused);
        var h2 = new IllegalStateException("Database may be already in use: jdbc:h2:file:/data/ci;PASSWORD=s3 [90020]");

        assertThat(Main.describe(new RuntimeException("could not start", pool)))
                .isEqualTo("could not start: Failed to initialize pool: Connection refused");
        assertThat(Main.describe(h2)).isEqualTo("Database may be already in use: jdbc:h2:file:/data/ci [90020]");
        assertThat(Main.describe(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(Main.describe(new IllegalStateException("Migration V9 failed\n  at line 3\n  in jdbc:postgresql://"
                + "ci:s3cret@db.bank.example:5432/ci"))).isEqualTo("Migration V9 failed at line 3 in "
                + "jdbc:postgresql://db.bank.example:5432/ci");
    }

    @Test
    void migrateWithAnUnreachableDatabaseSaysSoAndEndsWithStatus1() {
        Outcome outcome = run(dataDirectory, Map.of(Setting.DB_URL, "jdbc:h2:file:" + dataDirectory
                + "/missing;IFEXISTS=TRUE"), "migrate");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("contact-info: the database could not be migrated: ");
    }

    @Test
    void configPrintsTheConfigurationReference() {
        Outcome outcome = run("config");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).isEqualTo(ConfigurationReference.markdown());
    }
}
