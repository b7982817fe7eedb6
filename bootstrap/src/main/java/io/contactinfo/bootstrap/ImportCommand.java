package io.contactinfo.bootstrap;

import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.EnrollEachUseCase;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.bootstrap.bulk.BulkEnrollment;
import io.contactinfo.bootstrap.bulk.EnrollmentFile;
import io.contactinfo.bootstrap.bulk.ImportProgress;
import io.contactinfo.bootstrap.bulk.ImportSummary;
import io.contactinfo.bootstrap.bulk.InvalidFileException;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.institution.InstitutionId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** {@code import}: the customers of a file, enrolled into the configured database by {@link BulkEnrollment}. */
final class ImportCommand {

    /** How often progress is written when stderr is not a terminal. */
    private static final Duration PROGRESS_LINE_EVERY = Duration.ofSeconds(10);
    private static final int MAX_WORKERS = 64;
    /**
     * How long a signal (SIGTERM, Ctrl-C) waits for the import to stop, besides a second per worker: the batches under
     * way finish, the summary is printed, the database closes. As long as the server lets its requests finish.
     */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String STOPPED_BY_SIGNAL = "a signal stopped it (SIGTERM or Ctrl-C). The rows not counted here"
            + " were neither enrolled nor refused: running the same file again enrolls them, and refuses those already"
            + " enrolled (enrollment.customer-id-taken)";

    private ImportCommand() {
    }

    static int run(CommandLine commandLine, Configuration configuration, Clock clock, PrintStream out,
                   PrintStream err) {
        Path path = Path.of(commandLine.required("file"));
        EnrollmentFile file = new EnrollmentFile(path, commandLine.option("format")
                .map(name -> EnrollmentFile.Format.named(name).orElseThrow(() ->
                        new UsageException(Command.IMPORT, "--format must be jsonl or csv")))
                .orElseGet(() -> EnrollmentFile.Format.of(path)));
        InstitutionId institution = new InstitutionId(commandLine
                .identifier("institution", IdentifierRule.INSTITUTION_ID_FORMAT)
                .orElseGet(() -> {
                    if (configuration.mode() != Mode.DEV) {
                        throw new UsageException(Command.IMPORT, "import needs --institution in prod mode");
                    }
                    return DemoData.INSTITUTION.value();
                }));
        Path report = Path.of(commandLine.option("report").orElse(path + ".refused.jsonl"));
        int workers = commandLine.option("workers").map(ImportCommand::workers)
                .orElse(2 * Runtime.getRuntime().availableProcessors());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            err.println("contact-info: cannot read " + path);
            return Main.FAILED;
        }

        SignalStop onSignal = new SignalStop(err, STOP_TIMEOUT.plusSeconds(workers));
        // Closed in reverse: the database, then the signal's wait ends, then the hook no longer stops this import.
        // A connection per worker; at least two, which the migration on opening needs.
        try (Main.Registration hook = Main.stopOnExit(onSignal::stop); onSignal;
             Database database = Databases.open(configuration, Math.max(2, workers))) {
            if (configuration.mode() == Mode.DEV) {
                // As the server's first start would: the demo customers are there whichever runs first.
                DemoData.loadIfEmpty(database.userRepository(), database.softTokenRepository(), clock);
            }
            // Enrollment sends no message; what other use cases queue waits for the server's dispatcher.
            EnrollEachUseCase enroll = UseCases.on(database, configuration.mode().emailPolicy(), configuration.otpPolicy(),
                    DispatchNotificationsUseCase.NONE, clock).enroll();
            ImportProgress progress = System.console() != null
                    ? ImportProgress.bar(err) : ImportProgress.lines(err, PROGRESS_LINE_EVERY);
            BulkEnrollment bulk = new BulkEnrollment(enroll, clock, workers, progress);
            onSignal.enrolling(bulk);
            ImportSummary summary = bulk.run(file, institution, System.getProperty("user.name", "cli"), report);
            onSignal.enrolled();
            out.println("Imported " + path + " into " + institution.value() + ":");
            out.print(summary.describe());
            if (summary.refused() > 0) {
                out.println("Refused rows (line numbers and rules, no personal data): " + report);
            }
            if (onSignal.signalled()) {
                // Compacting a large file can outlast the wait; the server's upkeep reuses the dead space meanwhile.
                // (The JVM ends with the signal's status, 143 or 130, whatever this returns.)
                return Main.FAILED;
            }
            // The import's commits leave most of an H2 file dead; the server would spend its first minutes on it.
            long compacting = System.nanoTime();
            try {
                if (database.closeCompacting()) {
                    out.printf("Compacted the database file in %.1f s%n", (System.nanoTime() - compacting) / 1e9);
                }
            } catch (StoreUnavailableException e) {
                err.println("contact-info: the database file could not be compacted (the rows above are stored): "
                        + e.getCause().getMessage());
            }
            return summary.complete() ? Main.OK : Main.FAILED;
        } catch (InvalidFileException e) {
            err.println("contact-info: " + path + ": " + e.getMessage());
            return Main.FAILED;
        } catch (IOException e) {
            err.println("contact-info: " + e.getMessage());
            return Main.FAILED;
        }
    }

    /**
     * An import's answer to a signal (SIGTERM, Ctrl-C), which the jar's shutdown hook gives it ({@link #stop}): no
     * further row is enrolled, the batches under way finish and are counted, the summary is printed and the
     * database closed, and the hook waits for that, within a time. Without it a signal ended the import wherever it
     * was: no summary, and the report's last lines lost.
     */
    private static final class SignalStop implements AutoCloseable {

        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicBoolean signalled = new AtomicBoolean();
        private final AtomicReference<BulkEnrollment> enrolling = new AtomicReference<>();
        private final AtomicBoolean enrolled = new AtomicBoolean();
        private final PrintStream err;
        private final Duration within;

        SignalStop(PrintStream err, Duration within) {
            this.err = err;
            this.within = within;
        }

        /** The hook's part: asks the enrollment to stop, then waits until the import has {@link #close closed}. */
        void stop() {
            if (ended.getCount() == 0) {
                return;
            }
            signalled.set(true);
            BulkEnrollment bulk = enrolling.get();
            if (bulk != null) {
                err.println("contact-info: stopping the import: the batches under way finish, no further row is"
                        + " enrolled");
                bulk.stop(STOPPED_BY_SIGNAL);
            } else if (enrolled.get()) {
                err.println("contact-info: stopping the import: its database is closing");
            } else {
                err.println("contact-info: stopping the import before it enrolls anything");
            }
            try {
                ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The enrollment has begun: a signal stops it, and one that came before stops it at once. */
        void enrolling(BulkEnrollment bulk) {
            enrolling.set(bulk);
            if (signalled.get()) {
                bulk.stop(STOPPED_BY_SIGNAL);
            }
        }

        /** The enrollment is over: a signal now only waits for the database to close. */
        void enrolled() {
            enrolled.set(true);
            enrolling.set(null);
        }

        boolean signalled() {
            return signalled.get();
        }

        /** The import is over, its database closed: a signal no longer waits. */
        @Override
        public void close() {
            ended.countDown();
        }
    }

    private static int workers(String text) {
        try {
            int workers = Integer.parseInt(text);
            if (workers >= 1 && workers <= MAX_WORKERS) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(Command.IMPORT, "--workers must be a number from 1 to " + MAX_WORKERS);
    }
}
