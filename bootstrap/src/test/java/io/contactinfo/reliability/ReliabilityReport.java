package io.contactinfo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line per property the suite proves, with its figures: to the console and, when the build names one
 * ({@code reliability.report}), to a file that {@code reliability/run} prints at the end. A test reports before it
 * asserts, so a failing property still shows what was measured.
 */
final class ReliabilityReport {

    private static final String FILE_PROPERTY = "reliability.report";

    private ReliabilityReport() {
    }

    /**
     * @param property   what was proven, e.g. {@code limits across 2 instances (PostgreSQL)}
     * @param requests   how many requests were tried
     * @param violations how many broke the property (the test then fails)
     * @param details    the property's own figures
     */
    static void line(String property, long requests, long violations, String details) {
        String line = String.format("RELIABILITY | %-58s | requests %7d | violations %d | %s",
                property, requests, violations, details);
        System.out.println(line);
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null) {
            append(Path.of(file), line);
        }
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
