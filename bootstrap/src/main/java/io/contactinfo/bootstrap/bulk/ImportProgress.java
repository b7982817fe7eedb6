package io.contactinfo.bootstrap.bulk;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** How far an import is, shown while it runs: a bar redrawn in place on a terminal, else a plain line now and then. */
public interface ImportProgress {

    /** Shows nothing. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void update(Snapshot now) {
            // nothing to show
        }

        @Override
        public void finish(Snapshot last) {
            // nothing to show
        }
    };

    /**
     * @param rows      rows finished, enrolled or refused
     * @param bytesRead how much of the file has been read
     * @param fileBytes the file's size
     * @param elapsed   since the import began
     */
    record Snapshot(long rows, long bytesRead, long fileBytes, Duration elapsed) {

        /** Share of the file read, 0 to 100. */
        int percent() {
            return fileBytes <= 0 ? 100 : (int) Math.min(100, bytesRead * 100 / fileBytes);
        }

        long rowsPerSecond() {
            long millis = Math.max(1, elapsed.toMillis());
            return rows * 1000 / millis;
        }
    }

    /** Called a few times a second while rows are enrolled. */
    void update(Snapshot now);

    /** Called once, after the last row. */
    void finish(Snapshot last);

    /** A bar redrawn in place (carriage return) on {@code terminal}, for a person watching. */
    static ImportProgress bar(PrintStream terminal) {
        return new ImportProgress() {
            private static final int WIDTH = 30;

            @Override
            public void update(Snapshot now) {
                int filled = now.percent() * WIDTH / 100;
                terminal.printf(Locale.ROOT, "\r[%s%s] %3d%%  %,d rows  %,d rows/s ", "#".repeat(filled),
                        ".".repeat(WIDTH - filled), now.percent(), now.rows(), now.rowsPerSecond());
                terminal.flush();
            }

            @Override
            public void finish(Snapshot last) {
                update(last);
                terminal.println();
            }
        };
    }

    /** A line on {@code log} at most once per {@code every}, for a log file or a pipe. */
    static ImportProgress lines(PrintStream log, Duration every) {
        return new ImportProgress() {
            private Duration next = every;

            @Override
            public void update(Snapshot now) {
                if (now.elapsed().compareTo(next) >= 0) {
                    next = now.elapsed().plus(every);
                    log.printf(Locale.ROOT, "import: %,d rows, %d%% of the file, %,d rows/s%n", now.rows(),
                            now.percent(), now.rowsPerSecond());
                }
            }

            @Override
            public void finish(Snapshot last) {
                // the summary follows
            }
        };
    }
}
