package io.contactinfo.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import io.contactinfo.adapter.persistence.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable jar's command line: {@code serve} (the default), {@code migrate}, {@code token}, {@code import},
 * {@code config} ({@link Command}); settings from the environment.
 */
public final class Main {

    /** The command did what was asked. */
    static final int OK = 0;
    /** The command ran and failed: the database cannot be reached, an import stopped early, … */
    static final int FAILED = 1;
    /** The command line or the settings are wrong; nothing was done. */
    static final int USAGE = 2;

    /** How long the token printed in dev mode stays valid. */
    static final Duration DEV_TOKEN_LIFETIME = Duration.ofHours(12);
    /** A JDBC URL in a message, up to the next space. */
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:\\S+");
    /** A JDBC URL's {@code user:password@} before its host. */
    private static final Pattern JDBC_URL_USER = Pattern.compile("(jdbc:[^\\s/]*//)[^\\s/@]*@");
    private static final int MAX_CAUSES = 5;
    private static final Set<String> ALL_SCOPES = Set.of("institution-users:read", "institution-users:write");

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /**
     * What the shutdown hook stops before the log: the server {@code serve} started, or the import under way; none
     * for the other commands.
     */
    private static final AtomicReference<AutoCloseable> UNDER_WAY = new AtomicReference<>();

    private Main() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(Main::shutDown, "shutdown"));
        int status = run(args, System.getenv(), System.out, System.err);
        // A server started by serve keeps the process alive; other commands end here.
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Runs the command line: what {@link #main} does, without exiting.
     *
     * @param environment the {@code CONTACTINFO_*} variables
     * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (UsageException e) {
            return usageError(e, err);
        }
        if (commandLine.help()) {
            out.print(commandLine.usage());
            return OK;
        }
        Command command = commandLine.commandOrServe();
        if (command == Command.CONFIG) {
            out.print(ConfigurationReference.markdown());
            return OK;
        }
        try {
            Configuration configuration = Configuration.from(environment);
            Clock clock = Clock.systemUTC();
            return switch (command) {
                case SERVE -> serve(configuration, clock, out);
                case MIGRATE -> migrate(configuration, out, err);
                case TOKEN -> TokenCommand.run(commandLine, configuration, clock, out);
                case IMPORT -> ImportCommand.run(commandLine, configuration, clock, out, err);
                case CONFIG -> throw new IllegalStateException("answered above");
            };
        } catch (UsageException e) {
            return usageError(e, err);
        } catch (ConfigurationException e) {
            e.problems().forEach(problem -> err.println("contact-info: " + problem));
            return USAGE;
        } catch (RuntimeException e) {
            // Most often a setting the environment could not honour: a key file that cannot be read, a port in use,
            // a database that refuses the connection or has no driver here. One line, not a stack trace.
            err.println("contact-info: " + command.name().toLowerCase(Locale.ROOT) + " failed: " + describe(e));
            return FAILED;
        }
    }

    /**
     * The messages of a failure and of its causes, in one line, each JDBC URL in them without a user and password
     * before its host or parameters after its path.
     */
    static String describe(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && messages.size() < MAX_CAUSES; cause = cause.getCause()) {
            String text = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
            String message = JDBC_URL_USER.matcher(JDBC_URL.matcher(text.strip().replaceAll("\\s+", " "))
                    .replaceAll(url -> Matcher.quoteReplacement(ContactInfoServer.withoutParameters(url.group()))))
                    .replaceAll("$1");
            // Many wrappers repeat their cause's message in their own.
            if (messages.stream().noneMatch(said -> said.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }

    /**
     * Has the shutdown hook stop {@code command} (a SIGTERM, Ctrl-C) before the log, and wait until it has, for as
     * long as the registration is open.
     */
    static Registration stopOnExit(AutoCloseable command) {
        UNDER_WAY.set(command);
        return () -> UNDER_WAY.compareAndSet(command, null);
    }

    /** A command the shutdown hook stops, until {@link #close}. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The jar's shutdown hook. The JVM runs its hooks side by side, and these steps need their order: the command
     * under way stops (the server lets the requests in flight finish, an import the batches under way) and closes
     * its database, then the log writes out what it queued and stops. Logback's own hook stopped the log while the
     * server was still answering, and its last access lines were lost ({@code GracefulStopIT}). H2's hook runs
     * alongside as well; it no longer closes the database ({@code Database.withH2Settings}).
     */
    private static void shutDown() {
        try {
            AutoCloseable command = UNDER_WAY.get();
            if (command != null) {
                command.close();
            }
        } catch (Exception e) {
            // The class only: a driver's message can quote a statement's values.
            LOG.error("the command did not stop cleanly: {}", e.getClass().getName());
        } finally {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
        }
    }

    private static int usageError(UsageException e, PrintStream err) {
        err.println("contact-info: " + e.getMessage());
        err.print(e.usage());
        return USAGE;
    }

    private static int serve(Configuration configuration, Clock clock, PrintStream out) {
        ContactInfoServer server = ContactInfoServer.start(configuration, clock);
        stopOnExit(server);
        // Formatted first and written at once: printf writes each piece of its format separately, and where stdout
        // and stderr go to one file, a log line landed between "localhost:" and the port.
        out.println(String.format("Contact Info %s mode, listening on http://localhost:%d",
                configuration.mode().name().toLowerCase(Locale.ROOT), server.port()));
        server.devTokens().ifPresent(tokens -> {
            out.println("Try it (the token is valid for " + DEV_TOKEN_LIFETIME.toHours() + " hours):");
            out.println(curlExample(server.port(), tokens.mint(DemoData.INSTITUTION.value(),
                    DemoData.FIRST_CUSTOMER.value(), ALL_SCOPES, DEV_TOKEN_LIFETIME)));
            if (configuration.userDataKeys().isEmpty()) {
                out.println("The Users API's encryptedUserData is decrypted with the key whose public half is "
                        + configuration.dataDirectory().resolve(UserDataKeys.DEV_PUBLIC_KEY_FILE));
            }
        });
        return OK;
    }

    private static int migrate(Configuration configuration, PrintStream out, PrintStream err) {
        Database.Migration migration;
        try {
            migration = Databases.migrate(configuration);
        } catch (RuntimeException e) {
            // Flyway's and the driver's messages name the migration or the connection problem, not personal data.
            err.println("contact-info: the database could not be migrated: " + describe(e));
            return FAILED;
        }
        out.printf("Database schema at version %s (%d migration%s applied)%n", migration.schemaVersion(),
                migration.applied(), migration.applied() == 1 ? "" : "s");
        return OK;
    }

    /** A ready-to-paste request for the demo customer's contact methods. */
    static String curlExample(int port, String token) {
        return "curl -s http://localhost:" + port + "/digitalbanking/ux-users/v1/customers/"
                + DemoData.FIRST_CUSTOMER.value() + "/contact-methods"
                + " -H 'Authorization: Bearer " + token + "'"
                + " -H 'correlationId: " + UUID.randomUUID() + "'";
    }
}
