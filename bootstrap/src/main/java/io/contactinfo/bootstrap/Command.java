package io.contactinfo.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The commands of the runnable jar and the options each takes: the one place the command line is declared. */
enum Command {
    SERVE("Start the server (the default command).",
            "Serves the HTTP API on CONTACTINFO_HTTP_PORT until stopped. In dev mode it loads the demo customers on "
                    + "first start and prints a ready-to-use curl command with a token."),
    MIGRATE("Bring the database's schema up to date, then exit.",
            "Applies the schema migrations the database has not had yet, as the server does when it starts; for a "
                    + "deployment that migrates before starting any server."),
    TOKEN("Print a bearer token signed with the dev key (dev mode only).",
            "Prints the token alone on stdout, so that TOKEN=$(java -jar contact-info.jar token ...) works. The "
                    + "server of the same data directory accepts it.",
            new Option("institution", "ID", "the token's institution (default: demo-bank)"),
            new Option("customer", "ID", "the customer it is issued for (default: none, as for the Users API)"),
            new Option("scopes", "LIST", "comma-separated scopes (default: "
                    + "institution-users:read,institution-users:write)"),
            new Option("ttl", "DURATION", "how long it is valid: 90s, 30m, 12h, 7d, or ISO-8601 such as PT2H "
                    + "(default: 12h)")),
    IMPORT("Enroll the customers of a JSON Lines or CSV file.",
            "Each row is enrolled through the Users API's enrollment use case, with every rule and account limit, "
                    + "alone: a refused row is counted by its rule id and written to the report (its line number "
                    + "and the rule, never its values). Rows are streamed to a pool of workers.",
            new Option("file", "FILE", "the file to load (required)"),
            new Option("format", "jsonl|csv", "how it is written (default: csv for a name ending .csv, else jsonl)"),
            new Option("institution", "ID", "the institution that enrolls them (default in dev mode: demo-bank; "
                    + "required in prod mode)"),
            new Option("report", "FILE", "where refused rows are written (default: <file>.refused.jsonl)"),
            new Option("workers", "N", "rows enrolled at once (default: 2 per processor)")),
    CONFIG("Print the configuration reference (Markdown).",
            "Prints every CONTACTINFO_* setting with its default and meaning: the text of docs/configuration.md.");

    /** How the jar is run, as the usage texts spell it. */
    static final String PROGRAM = "java -jar contact-info.jar";
    private static final int LINE_WIDTH = 100;

    /** An option, given as {@code --name value} or {@code --name=value}. */
    record Option(String name, String valueName, String description) {
    }

    private final String summary;
    private final String description;
    private final List<Option> options;

    Command(String summary, String description, Option... options) {
        this.summary = summary;
        this.description = description;
        this.options = List.of(options);
    }

    /** The name typed on the command line. */
    String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<Option> options() {
        return options;
    }

    Optional<Option> option(String name) {
        return options.stream().filter(option -> option.name().equals(name)).findFirst();
    }

    static Optional<Command> named(String name) {
        for (Command command : values()) {
            if (command.commandName().equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** What {@code --help} prints for this command. */
    String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(PROGRAM).append(' ').append(commandName())
                .append(options.isEmpty() ? "" : " [options]").append("\n\n")
                .append(summary).append('\n').append(wrapped(description)).append("\nOptions:\n");
        List<String[]> rows = new ArrayList<>();
        options.forEach(option -> rows.add(new String[] {"--" + option.name() + " " + option.valueName(),
                option.description()}));
        rows.add(new String[] {"-h, --help", "show this help"});
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        rows.forEach(row -> text.append("  ").append(padded(row[0], width)).append("  ").append(row[1]).append('\n'));
        return text.toString();
    }

    /** What {@code --help} prints without a command. */
    static String overallUsage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(PROGRAM).append(" [command] [options]\n\nCommands:\n");
        int width = Arrays.stream(values()).mapToInt(c -> c.commandName().length()).max().orElse(0);
        for (Command command : values()) {
            text.append("  ").append(padded(command.commandName(), width)).append("  ").append(command.summary)
                    .append('\n');
        }
        return text.append("\nSettings come from CONTACTINFO_* environment variables: see the config command.\n")
                .append(PROGRAM).append(" <command> --help shows a command's options.\n").toString();
    }

    /** {@code text} in lines of at most {@value #LINE_WIDTH} characters, each ending with a line break. */
    private static String wrapped(String text) {
        StringBuilder lines = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (lines.length() > lineStart && lines.length() - lineStart + 1 + word.length() > LINE_WIDTH) {
                lines.append('\n');
                lineStart = lines.length();
            } else if (lines.length() > lineStart) {
                lines.append(' ');
            }
            lines.append(word);
        }
        return lines.append('\n').toString();
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
