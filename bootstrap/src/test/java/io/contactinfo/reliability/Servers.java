package io.contactinfo.reliability;

import io.contactinfo.adapter.auth.DevSigningKey;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.TokenMinter;
import io.contactinfo.bootstrap.Configuration;
import io.contactinfo.bootstrap.ContactInfoServer;
import io.contactinfo.bootstrap.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as the suite runs it, in dev mode (demo data, dev signing key) on a data directory of the test's: in
 * this JVM ({@link ContactInfoServer#start}), or as a process ({@code java -jar contact-info.jar}) that can be
 * killed. Instances on one data directory share its keys (signing key, data keys), as instances of one deployment
 * share theirs.
 */
final class Servers {

    /** The dev signing key's file under the data directory, as the server names it. */
    private static final String DEV_KEY_FILE = "dev-signing-key.jwk";
    /** The packaged server; failsafe names it, after the package phase. */
    private static final String JAR_PROPERTY = "contactinfo.jar";
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private Servers() {
    }

    /** A server in this JVM on {@code dataDirectory}, on {@code databaseUrl} or the default H2 file there. */
    static ContactInfoServer inJvm(Path dataDirectory, Optional<String> databaseUrl, Clock clock) {
        return ContactInfoServer.start(Configuration.from(variables(dataDirectory, databaseUrl)), clock);
    }

    /** Mints tokens with the dev signing key of {@code dataDirectory}, creating the key if no server did yet. */
    static TokenMinter tokens(Path dataDirectory) {
        var key = DevSigningKey.loadOrCreate(dataDirectory.resolve(DEV_KEY_FILE));
        return new TokenMinter(key.signingKey(), JwtSettings.ClaimNames.defaults(), Optional.empty(),
                Optional.empty(), Clock.systemUTC());
    }

    private static Map<String, String> variables(Path dataDirectory, Optional<String> databaseUrl) {
        Map<String, String> variables = new HashMap<>();
        variables.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        variables.put(Setting.HTTP_PORT.variable(), "0");
        databaseUrl.ifPresent(url -> variables.put(Setting.DB_URL.variable(), url));
        return variables;
    }

    /** Whether the build packaged the server (failsafe runs after package and says where). */
    static boolean jarAvailable() {
        String jar = System.getProperty(JAR_PROPERTY);
        return jar != null && Files.isRegularFile(Path.of(jar));
    }

    /**
     * {@code java -jar contact-info.jar arguments…} in dev mode on {@code dataDirectory}, on {@code databaseUrl} or
     * the default H2 file there; no other {@code CONTACTINFO_*} variable of the suite's environment.
     */
    static ProcessBuilder jar(Path dataDirectory, Optional<String> databaseUrl, String... arguments) {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("-D" + JAR_PROPERTY + " names no jar: run with failsafe");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-jar", jar));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("CONTACTINFO_"));
        builder.environment().putAll(variables(dataDirectory, databaseUrl));
        return builder;
    }

    /** A server process: {@code java -jar contact-info.jar}, its output in a log file beside the data. */
    static final class Process implements AutoCloseable {

        private final java.lang.Process process;
        private final URI root;
        private final Path log;

        private Process(java.lang.Process process, URI root, Path log) {
            this.process = process;
            this.root = root;
            this.log = log;
        }

        /** Starts the packaged server and waits until it listens (it prints its port). */
        static Process start(Path dataDirectory, Optional<String> databaseUrl, String name) {
            Path log = dataDirectory.resolve(name + "-" + Instant.now().toEpochMilli() + ".log");
            ProcessBuilder builder = jar(dataDirectory, databaseUrl).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            try {
                java.lang.Process process = builder.start();
                return new Process(process, URI.create("http://127.0.0.1:" + awaitPort(process, log)), log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int awaitPort(java.lang.Process process, Path log) throws IOException {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(log)) {
                    Matcher port = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                    if (port.find()) {
                        return Integer.parseInt(port.group(1));
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                pause(100);
            }
            process.destroyForcibly();
            // What it printed, since the log goes with the test's temp dir: the only trace of why it hung.
            throw new IllegalStateException("the server did not start within " + START_TIMEOUT + ":\n"
                    + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)"));
        }

        URI root() {
            return root;
        }

        long pid() {
            return process.pid();
        }

        Path log() {
            return log;
        }

        /** The exit status of the process, once it has exited. */
        int exitValue() {
            return process.exitValue();
        }

        /** {@code kill -9}: no shutdown hook, no flush, no goodbye; returns once the process is gone. */
        void kill() {
            process.destroyForcibly();
            awaitExit();
        }

        /** An orderly stop (SIGTERM: the shutdown hook closes the server). */
        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                awaitExit();
            }
        }

        private void awaitExit() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops an in-JVM server and deletes its data directory, files first. */
    static void stopAndDelete(ContactInfoServer server, Path dataDirectory) throws IOException {
        server.close();
        try (var paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
