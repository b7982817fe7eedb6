package io.contactinfo.bootstrap;

import io.contactinfo.domain.institution.IdentifierRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of the runnable jar, parsed: {@code [command] [options]}, the command {@code serve} when none is
 * given; {@code -h} or {@code --help} anywhere asks for help.
 *
 * @param command what to do
 * @param options the options given, by name without the dashes
 * @param help    whether help was asked for (of the command, or of the jar when {@code command} is empty)
 */
record CommandLine(Optional<Command> command, Map<String, String> options, boolean help) {

    CommandLine {
        options = Map.copyOf(options);
    }

    /** @throws UsageException naming the unknown command or option, the option without its value, … */
    static CommandLine parse(String... args) {
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            Command command = Command.named(rest.get(0))
                    .orElseThrow(() -> new UsageException(Optional.empty(), "unknown command '" + rest.get(0) + "'"));
            return options(command, rest.subList(1, rest.size()), false);
        }
        return options(Command.SERVE, rest, true);
    }

    /** @param implied whether the command was implied (no command given): help is then the jar's */
    private static CommandLine options(Command command, List<String> args, boolean implied) {
        // Help wins over whatever else is on the line: someone asking for it may not know the options yet.
        if (args.contains("-h") || args.contains("--help")) {
            return new CommandLine(implied ? Optional.empty() : Optional.of(command), Map.of(), true);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(command, "unexpected argument '" + arg + "' for " + command.commandName());
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (command.option(name).isEmpty()) {
                throw new UsageException(command, "unknown option '--" + name + "' for " + command.commandName());
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(command, "option --" + name + " needs a value");
            }
            if (value.isEmpty()) {
                throw new UsageException(command, "option --" + name + " needs a value");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException(command, "option --" + name + " is given twice");
            }
        }
        return new CommandLine(Optional.of(command), options, false);
    }

    /** The command to run; {@code serve} when help was asked of the jar. */
    Command commandOrServe() {
        return command.orElse(Command.SERVE);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * An institution or customer id, checked as the server checks the ids a token carries.
     *
     * @throws UsageException when it is not well formed
     */
    Optional<String> identifier(String name, IdentifierRule rule) {
        return option(name).map(value -> {
            if (!IdentifierRule.isWellFormed(value)) {
                throw new UsageException(commandOrServe(), "--" + name + " is not well formed: " + rule.description());
            }
            return value;
        });
    }

    /** @throws UsageException when the option is not given */
    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException(commandOrServe(),
                commandOrServe().commandName() + " needs --" + name));
    }

    /** What {@code --help} prints. */
    String usage() {
        return command.map(Command::usage).orElseGet(Command::overallUsage);
    }
}
