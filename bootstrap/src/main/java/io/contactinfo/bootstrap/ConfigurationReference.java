package io.contactinfo.bootstrap;

import java.util.stream.Collectors;

/**
 * The configuration reference, {@code docs/configuration.md}, generated from {@link Setting} and
 * {@link Configuration#REQUIRED_IN_PROD}: a test fails when the committed file is not what this generates.
 */
final class ConfigurationReference {

    /** How to bring the committed file up to date, as the failing test says. */
    static final String REGENERATE = "./mvnw -q -pl bootstrap -am -DskipTests package && "
            + "java -jar bootstrap/target/contact-info.jar config > docs/configuration.md";

    private ConfigurationReference() {
    }

    static String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# Configuration reference\n\n")
                .append("<!-- Generated from bootstrap's Setting enum; do not edit. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n")
                .append("Every setting is an environment variable; all are optional in dev mode, the default.\n\n")
                .append("| variable | default | meaning |\n")
                .append("|---|---|---|\n");
        for (Setting setting : Setting.values()) {
            text.append("| `").append(setting.variable()).append("` | ")
                    .append(defaultOf(setting))
                    .append(" | ").append(cell(setting.meaning())).append(" |\n");
        }
        text.append("\nProd mode (`CONTACTINFO_MODE=prod`) refuses to start, naming each one missing, without:\n\n");
        text.append(Configuration.REQUIRED_IN_PROD.stream()
                .map(requirement -> "- " + requirement.names("`") + ": " + requirement.purpose())
                .collect(Collectors.joining("\n", "", "\n")));
        return text.toString();
    }

    /** A value to type as code; a default said in words ("the last key of …") as words. */
    private static String defaultOf(Setting setting) {
        String value = setting.defaultValue();
        if (value.isEmpty()) {
            return "none";
        }
        return value.contains(" ") ? cell(value) : "`" + cell(value) + "`";
    }

    /** A table cell: a pipe would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
