package io.contactinfo.bootstrap.bulk;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import did.
 *
 * @param accepted         rows enrolled
 * @param refusedByReason  rows refused, counted by rule id (or {@code malformed}, …), most frequent first
 * @param elapsed          how long it took
 * @param stoppedBecause   why the import stopped before the end of the file, if it did (rows after that point
 *                         were neither enrolled nor refused)
 */
public record ImportSummary(long accepted, Map<String, Long> refusedByReason, Duration elapsed,
                            Optional<String> stoppedBecause) {

    public ImportSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(stoppedBecause, "stoppedBecause");
        Map<String, Long> ordered = new LinkedHashMap<>();
        refusedByReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        refusedByReason = Collections.unmodifiableMap(ordered);
    }

    public long refused() {
        return refusedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether every row of the file was enrolled or refused. */
    public boolean complete() {
        return stoppedBecause.isEmpty();
    }

    public long rowsPerSecond() {
        return (accepted + refused()) * 1000 / Math.max(1, elapsed.toMillis());
    }

    /** The summary for a person, a few lines ending with a line break. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        stoppedBecause.ifPresent(reason -> text.append("Import stopped: ").append(reason).append('\n'));
        text.append(String.format(Locale.ROOT, "%,d accepted, %,d refused, in %.1f s (%,d rows/s)%n", accepted,
                refused(), elapsed.toMillis() / 1000.0, rowsPerSecond()));
        if (!refusedByReason.isEmpty()) {
            int width = refusedByReason.keySet().stream().mapToInt(String::length).max().orElse(0);
            text.append("Refused, by rule:\n");
            refusedByReason.forEach((reason, count) -> text.append(String.format(Locale.ROOT, "  %-" + width
                    + "s %,d%n", reason, count)));
        }
        return text.toString();
    }
}
