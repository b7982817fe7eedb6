package io.contactinfo.bootstrap.bulk;

import io.contactinfo.adapter.rest.users.EnrollmentDocument;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollOutcome;
import io.contactinfo.application.port.in.EnrollEachUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.domain.institution.InstitutionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Enrolls the customers of a file through the same enrollment use case as the Users API, so every rule and both
 * account limits apply: each row is enrolled or refused alone, and the enrolled rows of a batch commit together
 * ({@link EnrollEachUseCase#enrollEach}). The file is streamed to a bounded pool of workers, a batch to each; a refused
 * row is counted by its rule id and written to the refusal report, without any of its values.
 *
 * <p>The import stops early when the database cannot be reached or the report cannot be written, since every row
 * after that would fail the same way, and when {@link #stop asked to}. Stopping, it reads no further row and starts no
 * further batch; the batches under way finish, and are counted.
 */
public final class BulkEnrollment {

    /** The client id of the import's audit records. */
    public static final String CLIENT_ID = "contact-info-cli";
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);
    /**
     * Rows enrolled in one transaction. The database writes its store once per commit, which was 45 % of the time of
     * an import committing every row (a profile of 20,000 rows); the row locks of a batch's account limits are held
     * until it commits.
     */
    private static final int ROWS_PER_TRANSACTION = 200;
    /** Batches read ahead of the workers, per worker: enough to keep them busy, few enough to hold in memory. */
    private static final int QUEUED_PER_WORKER = 2;

    private final EnrollEachUseCase enroll;
    private final Clock clock;
    private final int workers;
    private final ImportProgress progress;
    /** The run under way, which {@link #stop} stops. */
    private final AtomicReference<Run> running = new AtomicReference<>();
    /** Why {@link #stop} was asked for, if it was: a run that begins after it stops at once. */
    private volatile String stopAsked;

    /**
     * @param workers  how many batches are enrolled at once, at least 1 (the database needs as many connections)
     * @param progress where progress is shown while the import runs
     */
    public BulkEnrollment(EnrollEachUseCase enroll, Clock clock, int workers, ImportProgress progress) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.enroll = Objects.requireNonNull(enroll, "enroll");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = workers;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Enrolls every row of {@code file} into {@code institution}, with the write scope, as {@code subject} of
     * client {@value #CLIENT_ID}; each row's correlation id is {@code import:<run id>:<line>}, so an audit record
     * leads back to its line.
     *
     * @param report where the refused rows are written (created, or emptied)
     * @throws IOException          when the file cannot be opened or the report created: nothing was enrolled
     * @throws InvalidFileException when a CSV header cannot be used: nothing was enrolled
     */
    public ImportSummary run(EnrollmentFile file, InstitutionId institution, String subject, Path report)
            throws IOException {
        long fileBytes = Files.size(file.path());
        var run = new Run(institution, subject, "import:" + UUID.randomUUID() + ":",
                LocalDate.ofInstant(clock.instant(), clock.getZone()));
        running.set(run);
        if (stopAsked != null) {
            run.stop(stopAsked);
        }
        long started = System.nanoTime();
        try (EnrollmentFile.Rows rows = file.open(); RefusalReport refusals = RefusalReport.create(report)) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemons("import-progress"));
            ticker.scheduleAtFixedRate(() -> progress.update(run.snapshot(rows, fileBytes, started)),
                    PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            try {
                enrollAll(rows, refusals, run);
            } finally {
                ticker.shutdownNow();
                awaitQuietly(ticker);
            }
            progress.finish(run.snapshot(rows, fileBytes, started));
        } finally {
            running.set(null);
        }
        return new ImportSummary(run.accepted.sum(), run.refusedCounts(), Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(run.stop.get()));
    }

    /**
     * Stops the run under way, or the next one, as soon as the batches under way are done: {@link #run} then returns
     * with {@code reason} as why the import stopped. Rows it has not read are neither enrolled nor refused.
     */
    public void stop(String reason) {
        Objects.requireNonNull(reason, "reason");
        stopAsked = reason;
        Run run = running.get();
        if (run != null) {
            run.stop(reason);
        }
    }

    private void enrollAll(EnrollmentFile.Rows rows, RefusalReport refusals, Run run) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons("import-worker"));
        Semaphore queued = new Semaphore(workers * QUEUED_PER_WORKER);
        try {
            List<EnrollmentFile.Row> batch = new ArrayList<>(ROWS_PER_TRANSACTION);
            while (run.stop.get() == null) {
                EnrollmentFile.Row row;
                try {
                    row = rows.next();
                } catch (IOException unreadable) {
                    run.stop("the file could not be read to its end: " + unreadable.getMessage());
                    break;
                }
                if (row != null) {
                    batch.add(row);
                }
                if (!batch.isEmpty() && (row == null || batch.size() == ROWS_PER_TRANSACTION)) {
                    List<EnrollmentFile.Row> full = List.copyOf(batch);
                    batch.clear();
                    queued.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            enrollBatch(full, refusals, run);
                        } finally {
                            queued.release();
                        }
                    });
                }
                if (row == null) {
                    break;
                }
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    /** The rows in one transaction; when something other than a rule fails it, each row in one of its own. */
    private void enrollBatch(List<EnrollmentFile.Row> rows, RefusalReport refusals, Run run) {
        if (run.stop.get() != null) {
            return;
        }
        List<EnrollmentFile.Row> readable = new ArrayList<>(rows.size());
        List<EnrollCommand> commands = new ArrayList<>(rows.size());
        for (EnrollmentFile.Row row : rows) {
            try {
                commands.add(command(row, run));
                readable.add(row);
            } catch (RuntimeException malformed) {
                refuse(row, malformed, refusals, run);
            }
        }
        List<EnrollOutcome> outcomes;
        try {
            outcomes = enroll.enrollEach(commands);
        } catch (StoreUnavailableException unreachable) {
            run.stop("the database cannot be reached");
            return;
        } catch (RuntimeException unexpected) {
            readable.forEach(row -> enrollOne(row, refusals, run));
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof EnrollOutcome.Refused refused) {
                refuse(readable.get(i), refused.refusal(), refusals, run);
            } else {
                run.accepted.increment();
            }
        }
    }

    private void enrollOne(EnrollmentFile.Row row, RefusalReport refusals, Run run) {
        if (run.stop.get() != null) {
            return;
        }
        try {
            enroll.enroll(command(row, run));
            run.accepted.increment();
        } catch (StoreUnavailableException unreachable) {
            run.stop("the database cannot be reached");
        } catch (RuntimeException refused) {
            refuse(row, refused, refusals, run);
        }
    }

    private static EnrollCommand command(EnrollmentFile.Row row, Run run) {
        return EnrollmentDocument.toCommand(row.document(), run.caller(row.line()), run.today);
    }

    private static void refuse(EnrollmentFile.Row row, RuntimeException failure, RefusalReport refusals, Run run) {
        Refusal refusal = Refusal.of(failure);
        try {
            refusals.add(row.line(), refusal);
        } catch (UncheckedIOException unwritable) {
            run.stop("the refusal report could not be written");
            return;
        }
        run.refused.computeIfAbsent(refusal.reason(), reason -> new LongAdder()).increment();
    }

    /** One import's caller, date and tallies, shared by its workers. */
    private static final class Run {

        final LongAdder accepted = new LongAdder();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        final AtomicReference<String> stop = new AtomicReference<>();
        final LocalDate today;
        private final InstitutionId institution;
        private final String subject;
        private final String correlationPrefix;

        Run(InstitutionId institution, String subject, String correlationPrefix, LocalDate today) {
            this.institution = institution;
            this.subject = subject;
            this.correlationPrefix = correlationPrefix;
            this.today = today;
        }

        CallerContext caller(long line) {
            return new CallerContext(institution, Optional.empty(), CLIENT_ID, subject,
                    Set.of(Scope.INSTITUTION_USERS_WRITE), correlationPrefix + line);
        }

        /** The first reason to stop wins. */
        void stop(String reason) {
            stop.compareAndSet(null, reason);
        }

        Map<String, Long> refusedCounts() {
            return refused.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        }

        ImportProgress.Snapshot snapshot(EnrollmentFile.Rows rows, long fileBytes, long started) {
            long done = accepted.sum() + refused.values().stream().mapToLong(LongAdder::sum).sum();
            return new ImportProgress.Snapshot(done, rows.bytesRead(), fileBytes,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // rows still being enrolled: each ends within the database's timeouts
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
