package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code bin/contact-info}, the README's run command) picks the JVM settings docs/benchmarks.md measures.
 * Each case runs it with {@code -XX:+PrintFlagsFinal -version} in {@code JAVA_OPTS}, so the JVM prints every flag
 * with where its value came from and stops before the jar runs; only the flags given on the command line count, not
 * the collector the JVM would pick by itself on a small machine.
 */
@EnabledIfSystemProperty(named = "contactinfo.launcher", matches = ".+")
class LauncherIT {

    private static final String SHOW_FLAGS = "-XX:+PrintFlagsFinal -version";
    /** A line of {@code PrintFlagsFinal}: type, name, value, then its origins in braces. */
    private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)\\s+\\{[^}]*}\\s+\\{([^}]*)}");
    private static final String MB_32 = "33554432";
    private static final String MB_128 = "134217728";
    private static final String MB_256 = "268435456";
    private static final String MB_512 = "536870912";

    /** A link to the jar: the launcher writes its class-data archive beside the jar it is given, here in a temp dir. */
    @TempDir
    Path workDirectory;

    /** Removed here, since JUnit warns of a link out of its temp dir (and leaves the jar alone either way). */
    @AfterEach
    void removeTheLink() throws IOException {
        Files.deleteIfExists(workDirectory.resolve("contact-info.jar"));
    }

    @Test
    void theServer_getsA128MegabyteHeapOnTheSerialCollector() throws Exception {
        Map<String, String> given = commandLineFlags("", List.of());

        assertThat(given).containsEntry("UseSerialGC", "true").containsEntry("InitialHeapSize", MB_32)
                .containsEntry("MaxHeapSize", MB_128);
    }

    @Test
    void import_getsA512MegabyteHeapFromTheStartOnTheParallelCollector() throws Exception {
        Map<String, String> given = commandLineFlags("", List.of("import"));

        assertThat(given).containsEntry("UseParallelGC", "true").containsEntry("InitialHeapSize", MB_512)
                .containsEntry("MaxHeapSize", MB_512).doesNotContainKey("UseSerialGC");
    }

    @Test
    void importWithAMaximumHeapInJavaOpts_startsFromTheServersInitialHeap() throws Exception {
        Map<String, String> given = commandLineFlags("-Xmx256m", List.of("import"));

        assertThat(given).containsEntry("UseParallelGC", "true").containsEntry("InitialHeapSize", MB_32)
                .containsEntry("MaxHeapSize", MB_256);
    }

    @Test
    void aCollectorInJavaOpts_replacesTheLaunchersForEveryCommand() throws Exception {
        assertThat(commandLineFlags("-XX:+UseG1GC", List.of())).containsEntry("UseG1GC", "true")
                .doesNotContainKey("UseSerialGC");
        assertThat(commandLineFlags("-XX:+UseSerialGC", List.of("import"))).containsEntry("UseSerialGC", "true")
                .doesNotContainKey("UseParallelGC");
    }

    @Test
    void anOptionThatOnlyMentionsTheCollector_keepsTheLaunchersCollector() throws Exception {
        Map<String, String> given = commandLineFlags("-XX:+DisableExplicitGC", List.of());

        assertThat(given).containsEntry("DisableExplicitGC", "true").containsEntry("UseSerialGC", "true");
    }

    /** The flags the JVM was given on its command line when the launcher runs {@code arguments} with {@code javaOpts}. */
    private Map<String, String> commandLineFlags(String javaOpts, List<String> arguments)
            throws IOException, InterruptedException {
        Path jar = workDirectory.resolve("contact-info.jar");
        if (!Files.exists(jar)) {
            Files.createSymbolicLink(jar, Path.of(System.getProperty("contactinfo.jar")).toAbsolutePath());
        }
        Path output = workDirectory.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of("sh", System.getProperty("contactinfo.launcher")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        // Options the JVM reads from the environment would reach it besides the launcher's.
        environment.remove("JDK_JAVA_OPTIONS");
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.put("CONTACTINFO_JAR", jar.toString());
        environment.put("JAVA_OPTS", (javaOpts + " " + SHOW_FLAGS).strip());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.isAlive()).as("the launcher still runs after 60 s").isFalse();
        assertThat(process.exitValue()).as(printed).isZero();
        Map<String, String> given = new HashMap<>();
        printed.lines().map(FLAG::matcher).filter(Matcher::find).filter(flag -> flag.group(3).contains("command line"))
                .forEach(flag -> given.put(flag.group(1), flag.group(2)));
        return given;
    }
}
