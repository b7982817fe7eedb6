package io.contactinfo.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Starts the standalone server with the settings of the environment. */
public final class Main {

    /** How long the token printed in dev mode stays valid. */
    static final Duration DEV_TOKEN_LIFETIME = Duration.ofHours(12);
    private static final Set<String> ALL_SCOPES = Set.of("institution-users:read", "institution-users:write");

    private Main() {
    }

    public static void main(String[] args) {
        Configuration configuration;
        try {
            configuration = Configuration.from(System.getenv());
        } catch (ConfigurationException e) {
            e.problems().forEach(problem -> System.err.println("contact-info: " + problem));
            System.exit(2);
            return;
        }
        ContactInfoServer server = ContactInfoServer.start(configuration, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        System.out.printf("Contact Info %s mode, listening on http://localhost:%d%n",
                configuration.mode().name().toLowerCase(Locale.ROOT), server.port());
        server.devTokens().ifPresent(tokens -> {
            System.out.println("Try it (the token is valid for " + DEV_TOKEN_LIFETIME.toHours() + " hours):");
            System.out.println(curlExample(server.port(), tokens.mint(DemoData.INSTITUTION.value(),
                    DemoData.FIRST_CUSTOMER.value(), ALL_SCOPES, DEV_TOKEN_LIFETIME)));
        });
    }

    /** A ready-to-paste request for the demo customer's contact methods. */
    static String curlExample(int port, String token) {
        return "curl -s http://localhost:" + port + "/digitalbanking/ux-users/v1/customers/"
                + DemoData.FIRST_CUSTOMER.value() + "/contact-methods"
                + " -H 'Authorization: Bearer " + token + "'"
                + " -H 'correlationId: " + UUID.randomUUID() + "'";
    }
}
