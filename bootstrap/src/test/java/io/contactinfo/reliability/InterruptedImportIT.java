package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code java -jar contact-info.jar import} half-way through a file: the batches under way finish, the
 * summary is printed, the refusal report keeps a line for every row the summary counts as refused, and the summary's
 * count of enrolled rows is what the database holds, which a second run of the same file shows: it enrolls exactly
 * the valid rows the first did not, and refuses the others as already enrolled.
 */
@Tag("reliability")
@EnabledIfSystemProperty(named = "contactinfo.jar", matches = ".+")
class InterruptedImportIT {

    /** Every third row has a malformed SSN and is refused; the others are enrolled. */
    private static final int ROWS = 8_000;
    private static final int VALID_ROWS = ROWS - ROWS / 3;
    /** 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran. */
    private static final int SIGTERM_EXIT = 143;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Pattern COUNTS = Pattern.compile("([\\d,]+) accepted, ([\\d,]+) refused");

    @TempDir
    Path directory;

    @Test
    void sigtermDuringAnImport_printsItsSummary_keepsEveryRefusal_andCountsWhatTheDatabaseHolds() throws Exception {
        Path file = directory.resolve("customers.jsonl");
        Files.write(file, rows());
        Path report = directory.resolve("refused.jsonl");
        Path data = Files.createDirectory(directory.resolve("data"));

        // The report is written in blocks of 8 KB, about 140 refusals: the first block shows the import is under way.
        Run first = start(data, file, report, "first");
        awaitUntil(() -> Files.exists(report) && Files.size(report) > 0, first.process());
        assertThat(first.process().isAlive()).as(() -> "the import is under way when signalled\n" + first.output(data))
                .isTrue();
        first.process().destroy();
        assertThat(first.process().waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String summary = Files.readString(first.out(), StandardCharsets.UTF_8);
        long[] counts = counts(summary);
        List<String> refusals = Files.readAllLines(report, StandardCharsets.UTF_8);

        Run second = start(data, file, report, "second");
        assertThat(second.process().waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String secondSummary = Files.readString(second.out(), StandardCharsets.UTF_8);
        long[] secondCounts = counts(secondSummary);

        long violations = (first.process().exitValue() == SIGTERM_EXIT ? 0 : 1)
                + (refusals.size() == counts[1] ? 0 : 1)
                + (counts[0] + secondCounts[0] == VALID_ROWS ? 0 : 1);
        ReliabilityReport.line("SIGTERM during import: summary printed, refusals kept, enrolled rows counted", ROWS,
                violations, "first run " + counts[0] + " accepted and " + counts[1] + " refused before the signal ("
                        + refusals.size() + " report lines), second run " + secondCounts[0] + " accepted of "
                        + VALID_ROWS + " valid rows");
        assertThat(first.process().exitValue()).as(() -> "exit status\n" + first.output(data)).isEqualTo(SIGTERM_EXIT);
        assertThat(Files.readString(first.err(), StandardCharsets.UTF_8)).contains("stopping the import");
        assertThat(summary).contains("Import stopped: a signal stopped it");
        assertThat(counts[0]).as("rows enrolled before the signal").isPositive();
        assertThat(counts[0] + counts[1]).as("rows counted before the signal").isLessThan(ROWS);
        ObjectMapper json = new ObjectMapper();
        for (String refusal : refusals) {
            assertThat(json.readTree(refusal).path("reason").asText()).isEqualTo("identity.ssn.format");
        }
        assertThat(refusals).hasSize((int) counts[1]);
        assertThat(second.process().exitValue()).isZero();
        assertThat(Files.readString(second.err(), StandardCharsets.UTF_8)).as("an import that ends by itself")
                .doesNotContain("stopping");
        assertThat(secondSummary).doesNotContain("Import stopped");
        assertThat(counts[0] + secondCounts[0]).as("rows enrolled by both runs").isEqualTo(VALID_ROWS);
        assertThat(secondSummary).containsPattern("enrollment\\.customer-id-taken +" + String.format(Locale.ROOT, "%,d", counts[0])
                + "\n");
    }

    private record Run(Process process, Path out, Path err) {

        /** What the run printed, and what H2 wrote to its trace file, for a failure's message. */
        String output(Path data) {
            try {
                return printed(data);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        private String printed(Path data) throws IOException {
            StringBuilder text = new StringBuilder("stdout:\n").append(Files.readString(out, StandardCharsets.UTF_8))
                    .append("stderr:\n").append(Files.readString(err, StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.list(data)) {
                for (Path trace : files.filter(f -> f.toString().endsWith(".trace.db")).toList()) {
                    text.append(trace.getFileName()).append(":\n").append(Files.readString(trace, StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        }
    }

    private Run start(Path data, Path file, Path report, String name) throws IOException {
        Path out = directory.resolve(name + ".out");
        Path err = directory.resolve(name + ".err");
        // Two workers whatever the machine: with as many as the file has batches, all would be under way at once.
        Process process = Servers.jar(data, Optional.empty(), "import", "--file", file.toString(),
                "--report", report.toString(), "--workers", "2").redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Run(process, out, err);
    }

    private static List<String> rows() {
        List<String> rows = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            String ssn = i % 3 == 0 ? "12" : String.format("5%08d", i);
            rows.add("{\"institutionCustomerId\":\"imp-" + i + "\",\"userData\":{\"profileData\":{\"firstName\":\"Ada\","
                    + "\"lastName\":\"Lovelace\",\"addresses\":[{\"addressLine1\":\"" + i + " Main St\","
                    + "\"city\":\"Pasadena\",\"state\":\"CA\",\"zipCode\":\"91107\",\"type\":\"home\","
                    + "\"isDefault\":true}]},\"identifyingData\":{\"dateOfBirth\":\"1980-05-17\",\"ssn\":\"" + ssn
                    + "\"},\"phoneNumbers\":[{\"number\":\"" + String.format("3%09d", i)
                    + "\",\"type\":\"mobile\",\"isDefault\":true}]}}");
        }
        return rows;
    }

    /** The accepted and refused counts of a summary. */
    private static long[] counts(String summary) {
        Matcher counts = COUNTS.matcher(summary);
        assertThat(counts.find()).as("a summary in:\n" + summary).isTrue();
        return new long[] {Long.parseLong(counts.group(1).replace(",", "")),
                Long.parseLong(counts.group(2).replace(",", ""))};
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void awaitUntil(Condition condition, Process process) throws IOException {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.holds()) {
            assertThat(process.isAlive()).as("the import is still running").isTrue();
            assertThat(Instant.now()).as("the import wrote its first refusals within " + WITHIN).isBefore(deadline);
            Servers.pause(20);
        }
    }
}
