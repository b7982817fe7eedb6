package io.contactinfo.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The standalone server's log lines, written to standard error by one thread, a batch at a time (logback.xml).
 *
 * <p>A logging thread only queues its event. The writer is never woken for it: it looks at the queue every
 * {@link #PAUSE} and writes everything queued since in one write(2). Logback's own {@code AsyncAppender} woke its
 * writer thread for every line and made a write(2) per line; under GET load, with an access line per request, that
 * handoff and those writes took 8 % of the server's CPU (async-profiler). GET contact-methods, two A/B runs on
 * 2 cores: 28,100-29,500 requests/s with this appender, 23,400-25,400 with {@code AsyncAppender}.
 *
 * <p>Nothing is dropped: a full queue makes the logging thread wait for room. A line appears at most a pause after
 * it is logged; stopping the appender (logback's shutdown hook, on a server's stop) writes what is queued first.
 */
public final class BatchingStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** How long the writer sleeps when the queue is empty: the longest a line waits before it is written. */
    static final Duration PAUSE = Duration.ofMillis(10);
    private static final int QUEUE_SIZE = 8192;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final BlockingQueue<ILoggingEvent> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final OutputStream out;
    private Encoder<ILoggingEvent> encoder;
    private Thread writer;
    private volatile boolean stopping;

    /** The appender logback.xml names: writes to the process's standard error. */
    public BatchingStderrAppender() {
        this(new FileOutputStream(FileDescriptor.err));
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
        try {
            // ArrayBlockingQueue signals "not empty" only to a thread waiting for it, and the writer never waits
            // there: it sleeps. So queuing costs the logging thread a lock, not a wake-up.
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            addWarn("interrupted while the log queue was full; one line was not written");
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
        try {
            writer.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilStopped() {
        List<ILoggingEvent> batch = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        while (true) {
            // Read before draining: every event queued before the stop is in this drain or an earlier one.
            boolean last = stopping;
            queue.drainTo(batch);
            if (!batch.isEmpty()) {
                write(batch, bytes);
                batch.clear();
            } else if (last) {
                return;
            } else {
                LockSupport.parkNanos(PAUSE.toNanos());
            }
        }
    }

    private void write(List<ILoggingEvent> batch, ByteArrayOutputStream bytes) {
        bytes.reset();
        for (ILoggingEvent event : batch) {
            bytes.writeBytes(encoder.encode(event));
        }
        try {
            bytes.writeTo(out);
            out.flush();
        } catch (IOException e) {
            addError("could not write " + batch.size() + " log lines", e);
        }
    }
}
