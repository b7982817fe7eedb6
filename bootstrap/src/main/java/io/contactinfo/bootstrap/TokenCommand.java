package io.contactinfo.bootstrap;

import io.contactinfo.adapter.auth.DevSigningKey;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.domain.institution.IdentifierRule;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code token}: a bearer token signed with the dev key the server of the same data directory trusts, printed
 * alone. Dev mode only: in prod mode tokens come from the institution's authorization server.
 */
final class TokenCommand {

    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})([smhd])");

    private TokenCommand() {
    }

    static int run(CommandLine commandLine, Configuration configuration, Clock clock, PrintStream out) {
        if (configuration.mode() != Mode.DEV) {
            throw new UsageException(Command.TOKEN, "token mints dev tokens, in dev mode only: in prod mode the "
                    + "institution's authorization server issues them");
        }
        String institution = commandLine.identifier("institution", IdentifierRule.INSTITUTION_ID_FORMAT)
                .orElse(DemoData.INSTITUTION.value());
        String customer = commandLine.identifier("customer", IdentifierRule.CUSTOMER_ID_FORMAT).orElse(null);
        Set<String> scopes = commandLine.option("scopes").map(TokenCommand::scopes)
                .orElse(Arrays.stream(Scope.values()).map(Scope::value).collect(Collectors.toSet()));
        Duration ttl = commandLine.option("ttl").map(TokenCommand::duration).orElse(Main.DEV_TOKEN_LIFETIME);

        var key = DevSigningKey.loadOrCreate(configuration.dataDirectory().resolve(ContactInfoServer.DEV_KEY_FILE));
        out.println(ContactInfoServer.devTokens(key, ContactInfoServer.jwtSettings(configuration), clock)
                .mint(institution, customer, scopes, ttl));
        return Main.OK;
    }

    private static Set<String> scopes(String list) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : list.split("[,\\s]+")) {
            if (Scope.fromValue(scope).isEmpty()) {
                throw new UsageException(Command.TOKEN, "unknown scope '" + scope + "'; the scopes are "
                        + Arrays.stream(Scope.values()).map(Scope::value).collect(Collectors.joining(",")));
            }
            scopes.add(scope);
        }
        return scopes;
    }

    /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 ({@code PT2H}); positive. */
    static Duration duration(String text) {
        Duration duration;
        Matcher shortForm = SHORT_DURATION.matcher(text);
        try {
            duration = shortForm.matches()
                    ? Duration.of(Long.parseLong(shortForm.group(1)), switch (shortForm.group(2)) {
                        case "s" -> ChronoUnit.SECONDS;
                        case "m" -> ChronoUnit.MINUTES;
                        case "h" -> ChronoUnit.HOURS;
                        default -> ChronoUnit.DAYS;
                    })
                    : Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            duration = Duration.ZERO;
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new UsageException(Command.TOKEN, "--ttl must be a positive duration such as 90s, 30m, 12h, 7d "
                    + "or PT2H");
        }
        return duration;
    }
}
