package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code bin/contact-info}, the README's run command) picks the JVM settings docs/benchmarks.md measures:
 * each case runs it with {@code -XX:+PrintCommandLineFlags -version} in {@code JAVA_OPTS}, so the JVM prints the
 * settings it was given and stops before the jar runs.
 */
@EnabledIfSystemProperty(named = "contactinfo.launcher", matches = ".+")
class LauncherIT {

    private static final String SHOW_FLAGS = "-XX:+PrintCommandLineFlags -version";

    /** A link to the jar: the launcher writes its class-data archive beside the jar it is given, here in a temp dir. */
    @TempDir
    Path jarDirectory;

    /** Removed here, since JUnit warns of a link out of its temp dir (and leaves the jar alone either way). */
    @AfterEach
    void removeTheLink() throws IOException {
        Files.deleteIfExists(jarDirectory.resolve("contact-info.jar"));
    }

    @Test
    void theServerGetsA128MegabyteHeapOnTheSerialCollector() throws Exception {
        String flags = flags("", List.of());

        assertThat(flags).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=33554432", "-XX:MaxHeapSize=134217728");
    }

    @Test
    void importGetsA512MegabyteHeapFromTheStartOnTheParallelCollector() throws Exception {
        String flags = flags("", List.of("import"));

        assertThat(flags).contains("-XX:+UseParallelGC", "-XX:InitialHeapSize=536870912",
                "-XX:MaxHeapSize=536870912");
        assertThat(flags).doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void importWithAMaximumHeapInJavaOptsStartsFromTheSmallHeap() throws Exception {
        String flags = flags("-Xmx256m", List.of("import"));

        assertThat(flags).contains("-XX:+UseParallelGC", "-XX:InitialHeapSize=33554432", "-XX:MaxHeapSize=268435456");
    }

    @Test
    void aCollectorInJavaOptsReplacesTheLaunchersForEveryCommand() throws Exception {
        assertThat(flags("-XX:+UseG1GC", List.of())).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
        assertThat(flags("-XX:+UseSerialGC", List.of("import"))).contains("-XX:+UseSerialGC")
                .doesNotContain("-XX:+UseParallelGC");
    }

    @Test
    void anOptionThatOnlyMentionsTheCollectorKeepsTheLaunchersCollector() throws Exception {
        String flags = flags("-XX:+DisableExplicitGC", List.of());

        assertThat(flags).contains("-XX:+DisableExplicitGC", "-XX:+UseSerialGC");
    }

    /** What the JVM says it was given when the launcher runs {@code arguments} with {@code javaOpts}. */
    private String flags(String javaOpts, List<String> arguments) throws IOException, InterruptedException {
        Path jar = jarDirectory.resolve("contact-info.jar");
        if (!Files.exists(jar)) {
            Files.createSymbolicLink(jar, Path.of(System.getProperty("contactinfo.jar")).toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of("sh", System.getProperty("contactinfo.launcher")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTACTINFO_JAR", jar.toString());
        builder.environment().put("JAVA_OPTS", (javaOpts + " " + SHOW_FLAGS).strip());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
