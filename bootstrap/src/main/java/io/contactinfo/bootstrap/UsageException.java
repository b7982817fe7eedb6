package io.contactinfo.bootstrap;

import java.util.Objects;
import java.util.Optional;

/** The command line asks for something the jar does not do; the message is one line saying what. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Command> command;

    /** @param command the command whose usage to show, or empty for the jar's */
    UsageException(Optional<Command> command, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.command = Objects.requireNonNull(command, "command");
    }

    UsageException(Command command, String message) {
        this(Optional.of(command), message);
    }

    /** The usage text to show after the message. */
    String usage() {
        return command.map(Command::usage).orElseGet(Command::overallUsage);
    }
}
