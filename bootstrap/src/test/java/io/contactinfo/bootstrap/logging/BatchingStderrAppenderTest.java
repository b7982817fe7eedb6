package io.contactinfo.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class BatchingStderrAppenderTest {

    /** A bound on waits for something that happens within milliseconds; only a broken appender reaches it. */
    private static final Duration HANG = Duration.ofSeconds(20);

    // The process's context, whose MDC the application writes; a logger of this test's own, not passed to the root's.
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("batching-appender-test-" + UUID.randomUUID());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private BatchingStderrAppender appender;

    @AfterEach
    void stop() {
        logger.detachAppender(appender);
        appender.stop();
    }

    @Test
    void givenLinesFromManyThreads_stop_hasWrittenEachLineWholeAndOnce() throws Exception {
        start(out);
        int threads = 8;
        int linesEach = 2_500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> IntStream.range(0, linesEach)
                        .forEach(i -> logger.info("line {}-{}", thread, i))));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }

        appender.stop();

        List<String> lines = lines();
        assertThat(lines).hasSize(threads * linesEach).doesNotHaveDuplicates();
        assertThat(lines).allMatch(line -> line.matches("\\|line \\d-\\d+"));
        // Each thread's lines in the order it logged them.
        assertThat(lines.stream().filter(line -> line.startsWith("|line 3-")))
                .containsExactlyElementsOf(IntStream.range(0, linesEach).mapToObj(i -> "|line 3-" + i).toList());
    }

    @Test
    void givenStderrBlocked_aFullQueue_makesTheLoggerWait_andLosesNoLine() throws Exception {
        CountDownLatch unblocked = new CountDownLatch(1);
        start(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    unblocked.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                out.write(b, off, len);
            }
        });
        // More than the writer can hold (one queue's worth drained) and the queue besides.
        int total = 3 * BatchingStderrAppender.QUEUE_SIZE;
        AtomicInteger logged = new AtomicInteger();
        Thread logging = new Thread(() -> IntStream.range(0, total).forEach(i -> {
            logger.info("line {}", i);
            logged.incrementAndGet();
        }));
        logging.start();

        awaitUntil(() -> logging.getState() == Thread.State.WAITING);
        assertThat(logged.get()).isLessThan(total);
        unblocked.countDown();
        logging.join(HANG.toMillis());
        appender.stop();

        assertThat(lines()).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> "|line " + i).toList());
    }

    @Test
    void aLineLoggedWhileTheServerIsIdle_isWrittenWithoutWaitingForMore() throws InterruptedException {
        start(out);

        logger.info("alone");

        // The writer looks every 10 ms; this only proves that a lone line does not wait for company.
        awaitUntil(() -> !lines().isEmpty());
        assertThat(lines()).containsExactly("|alone");
    }

    @Test
    void theCorrelationId_isTheOneInPlaceWhenTheLineWasLogged_notWhenItIsWritten() {
        start(out);
        MDC.setContextMap(Map.of("correlationId", "c-1"));
        try {
            logger.info("first");
        } finally {
            MDC.clear();
        }
        logger.info("second");

        appender.stop();

        assertThat(lines()).containsExactly("c-1|first", "|second");
    }

    @Test
    void aThreadAlreadyInterrupted_hasItsLineWritten_andStaysInterrupted() {
        start(out);

        Thread.currentThread().interrupt();
        logger.info("while interrupted");
        boolean stillInterrupted = Thread.interrupted();
        appender.stop();

        assertThat(stillInterrupted).isTrue();
        assertThat(lines()).containsExactly("|while interrupted");
    }

    @Test
    void anEventTheEncoderFailsOn_isSkipped_andTheLinesAfterItAreWritten() {
        Encoder<ILoggingEvent> lines = encoder();
        start(out, new EncoderBase<>() {
            @Override
            public byte[] headerBytes() {
                return null;
            }

            @Override
            public byte[] encode(ILoggingEvent event) {
                if (event.getMessage().equals("unencodable")) {
                    throw new IllegalStateException("an argument's toString failed");
                }
                return lines.encode(event);
            }

            @Override
            public byte[] footerBytes() {
                return null;
            }
        });

        logger.info("before");
        logger.info("unencodable");
        logger.info("after");
        appender.stop();

        assertThat(lines()).containsExactly("|before", "|after");
    }

    @Test
    void afterStop_linesAreNeitherQueuedNorWaitedFor() throws InterruptedException {
        start(out);
        appender.stop();

        // More than the queue holds: were they queued, the last one would wait for ever.
        assertTimeoutPreemptively(HANG, () -> IntStream.rangeClosed(0, BatchingStderrAppender.QUEUE_SIZE)
                .forEach(i -> logger.info("too late")));
        Thread.sleep(3 * BatchingStderrAppender.PAUSE.toMillis());

        assertThat(lines()).isEmpty();
    }

    @Test
    void theServersLogbackXml_namesItForTheRootLogger() {
        start(out);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON"))
                .isInstanceOf(BatchingStderrAppender.class)
                .matches(Appender::isStarted, "is started");
    }

    private void start(OutputStream stream) {
        start(stream, encoder());
    }

    private void start(OutputStream stream, Encoder<ILoggingEvent> encoder) {
        appender = new BatchingStderrAppender(stream);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    private PatternLayoutEncoder encoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%X{correlationId}|%msg%n");
        encoder.start();
        return encoder;
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + HANG.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(BatchingStderrAppender.PAUSE.toMillis());
        }
        assertThat(condition.getAsBoolean()).as("in time").isTrue();
    }

    private List<String> lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
