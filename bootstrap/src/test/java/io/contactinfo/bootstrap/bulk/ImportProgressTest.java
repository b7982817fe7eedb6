package io.contactinfo.bootstrap.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportProgressTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(written, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalABarIsRedrawnInPlace() {
        ImportProgress bar = ImportProgress.bar(stream);

        bar.update(new ImportProgress.Snapshot(1_500, 50, 100, Duration.ofSeconds(3)));
        bar.finish(new ImportProgress.Snapshot(3_000, 100, 100, Duration.ofSeconds(6)));

        assertThat(text()).startsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "]  50%  1,500 rows  500 rows/s")
                .contains("\r[" + "#".repeat(30) + "] 100%  3,000 rows").endsWith("\n");
    }

    @Test
    void elsewhereAPlainLineIsWrittenOncePerPeriod() {
        ImportProgress lines = ImportProgress.lines(stream, Duration.ofSeconds(10));

        lines.update(new ImportProgress.Snapshot(100, 10, 100, Duration.ofSeconds(5)));
        lines.update(new ImportProgress.Snapshot(2_000, 20, 100, Duration.ofSeconds(10)));
        lines.update(new ImportProgress.Snapshot(2_100, 21, 100, Duration.ofSeconds(11)));
        lines.update(new ImportProgress.Snapshot(4_000, 40, 100, Duration.ofSeconds(20)));

        assertThat(text().lines()).containsExactly("import: 2,000 rows, 20% of the file, 200 rows/s",
                "import: 4,000 rows, 40% of the file, 200 rows/s");
    }

    @Test
    void theSummaryCountsRefusalsByReasonMostFrequentFirst() {
        var summary = new ImportSummary(99_998, Map.of("malformed", 1L, "limits.phone.active", 3L),
                Duration.ofMillis(31_400), Optional.empty());

        assertThat(summary.describe()).isEqualTo("""
                99,998 accepted, 4 refused, in 31.4 s (3,184 rows/s)
                Refused, by rule:
                  limits.phone.active 3
                  malformed           1
                """);
    }

    private String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
