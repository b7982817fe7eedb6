package io.contactinfo.bootstrap;

import java.util.List;

/**
 * The settings are not ones the server can use: one problem per line, each naming its variable (never its value:
 * a setting may be a secret).
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(Setting setting, String problem) {
        this(List.of(setting.variable() + " " + problem));
    }

    /** @param problems one line each, at least one */
    ConfigurationException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs a problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each problem on a line of its own, as the command line prints them. */
    public List<String> problems() {
        return problems;
    }
}
