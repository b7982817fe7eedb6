package io.contactinfo.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The standalone server's log lines, written to standard error by one thread, a batch at a time (logback.xml).
 *
 * <p>A logging thread only queues its event. The writer is never woken for it: it looks at the queue every
 * {@link #PAUSE} and writes what queued up since, up to {@link #BATCH_BYTES} at a time, each in one write(2).
 * Logback's own {@code AsyncAppender} woke its writer thread for every line and made a write(2) per line; under GET
 * load, with an access line per request, that took 8 % of the server's CPU (docs/benchmarks.md).
 *
 * <p>A full queue makes the logging thread wait for room, even when interrupted, so a line is not dropped for want
 * of room; an event the encoder fails on is reported to logback's status and skipped. Stopping the appender (the
 * jar's shutdown hook stops logback once the server has stopped) writes what is queued.
 */
public final class BatchingStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** How long the writer sleeps between looks at the queue: about the longest a line waits to be written. */
    static final Duration PAUSE = Duration.ofMillis(10);
    static final int QUEUE_SIZE = 8192;
    /** Bytes written at once: a burst of stack traces is written in pieces, not gathered in one large buffer. */
    static final int BATCH_BYTES = 64 * 1024;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final BlockingQueue<ILoggingEvent> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final List<ILoggingEvent> batch = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(BATCH_BYTES);
    private final OutputStream out;
    private Encoder<ILoggingEvent> encoder;
    private Thread writer;
    private volatile boolean stopping;

    /**
     * The appender logback.xml names. It writes through {@code System.err} and under its lock, so that a line never
     * lands inside what a command prints there (the import's progress).
     */
    public BatchingStderrAppender() {
        this(System.err);
    }

    BatchingStderrAppender(OutputStream out) {
        this.out = out;
    }

    /** How each event becomes bytes; set by logback from the {@code <encoder>} element. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (encoder == null) {
            addError("no encoder for appender " + name);
            return;
        }
        stopping = false;
        writer = new Thread(this::writeUntilStopped, "log-writer");
        writer.setDaemon(true);
        writer.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // The MDC (the correlation id) and the formatted message are taken now, on the logging thread.
        event.prepareForDeferredProcessing();
        // ArrayBlockingQueue signals "not empty" only to a thread waiting for it, and the writer never waits there:
        // it sleeps. So queuing costs the logging thread a lock, not a wake-up.
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                // put gives up at once on a thread already interrupted (a job being cancelled that logs why).
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        LockSupport.unpark(writer);
        boolean interrupted = false;
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (writer.isAlive() && System.nanoTime() < deadline) {
            try {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (writer.isAlive()) {
            addWarn("the log writer did not finish in " + STOP_TIMEOUT.toSeconds() + " s; " + queue.size()
                    + " lines not written");
        } else {
            // A line can be queued by a thread that was already past the started check when the writer took its
            // last look.
            writeQueued();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilStopped() {
        while (true) {
            // Read before draining: every event queued before the stop is in this drain or an earlier one.
            boolean last = stopping;
            writeQueued();
            if (last) {
                return;
            }
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }

    /** Writes what is queued now; on the writer thread, or on the stopping one once the writer has ended. */
    private void writeQueued() {
        queue.drainTo(batch);
        for (ILoggingEvent event : batch) {
            try {
                bytes.writeBytes(encoder.encode(event));
            } catch (RuntimeException e) {
                addError("could not encode a log event of " + event.getLoggerName(), e);
            }
            if (bytes.size() >= BATCH_BYTES) {
                writeOut();
            }
        }
        batch.clear();
        writeOut();
    }

    private void writeOut() {
        if (bytes.size() == 0) {
            return;
        }
        try {
            bytes.writeTo(out);
            out.flush();
        } catch (IOException e) {
            addError("could not write log lines", e);
        }
        bytes.reset();
    }
}
