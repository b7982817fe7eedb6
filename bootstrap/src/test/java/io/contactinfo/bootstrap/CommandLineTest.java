package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void noArgumentsServe() {
        assertThat(CommandLine.parse()).isEqualTo(new CommandLine(Optional.of(Command.SERVE), Map.of(), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void helpWithoutACommandIsTheJarsHelp(String help) {
        CommandLine parsed = CommandLine.parse(help);

        assertThat(parsed.help()).isTrue();
        assertThat(parsed.usage()).startsWith("Usage: java -jar contact-info.jar [command] [options]")
                .contains("serve", "migrate", "token", "import", "config");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void everyCommandHasItsHelp(Command command) {
        CommandLine parsed = CommandLine.parse(command.commandName(), "--file", "x", "-h");

        assertThat(parsed.help()).isTrue();
        assertThat(parsed.usage()).startsWith("Usage: java -jar contact-info.jar " + command.commandName())
                .contains("-h, --help");
        command.options().forEach(option -> assertThat(parsed.usage()).contains("--" + option.name()));
    }

    @Test
    void optionsAreReadWithASpaceOrAnEqualsSign() {
        CommandLine parsed = CommandLine.parse("import", "--file", "customers.csv", "--format=csv");

        assertThat(parsed.command()).contains(Command.IMPORT);
        assertThat(parsed.options()).isEqualTo(Map.of("file", "customers.csv", "format", "csv"));
    }

    @Test
    void anUnknownCommandIsNamedAndTheJarsUsageShown() {
        assertThatThrownBy(() -> CommandLine.parse("start"))
                .isInstanceOf(UsageException.class).hasMessage("unknown command 'start'")
                .satisfies(e -> assertThat(((UsageException) e).usage()).contains("Commands:"));
    }

    @Test
    void anUnknownOptionIsNamedWithItsCommandsUsage() {
        assertThatThrownBy(() -> CommandLine.parse("token", "--customer", "c-1", "--tll", "5m"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '--tll' for token")
                .satisfies(e -> assertThat(((UsageException) e).usage()).contains("--ttl DURATION"));
    }

    @Test
    void anOptionOfAnotherCommandIsUnknown() {
        assertThatThrownBy(() -> CommandLine.parse("migrate", "--file", "x"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '--file' for migrate");
    }

    @Test
    void anOptionWithoutItsCommandIsAnOptionOfServe() {
        assertThatThrownBy(() -> CommandLine.parse("--port", "8081"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '--port' for serve");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--customer", "--customer=", "--customer --ttl 5m"})
    void anOptionWithoutAValueIsRefused(String args) {
        String[] parts = ("token " + args).split(" ");

        assertThatThrownBy(() -> CommandLine.parse(parts))
                .isInstanceOf(UsageException.class).hasMessage("option --customer needs a value");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertThatThrownBy(() -> CommandLine.parse("import", "--file", "a", "--file", "b"))
                .isInstanceOf(UsageException.class).hasMessage("option --file is given twice");
    }

    @Test
    void anArgumentThatIsNoOptionIsRefused() {
        assertThatThrownBy(() -> CommandLine.parse("import", "customers.jsonl"))
                .isInstanceOf(UsageException.class).hasMessage("unexpected argument 'customers.jsonl' for import");
    }

    @Test
    void aRequiredOptionMissingIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse("import").required("file"))
                .isInstanceOf(UsageException.class).hasMessage("import needs --file");
    }
}
