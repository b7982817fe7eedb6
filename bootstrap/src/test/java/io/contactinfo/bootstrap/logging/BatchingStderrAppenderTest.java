package io.contactinfo.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.Appender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class BatchingStderrAppenderTest {

    // The process's context, whose MDC the application writes; a logger of this test's own, not passed to the root's.
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final BatchingStderrAppender appender = new BatchingStderrAppender(out);
    private final Logger logger = context.getLogger("batching-appender-test-" + UUID.randomUUID());

    BatchingStderrAppenderTest() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%X{correlationId}|%msg%n");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(appender);
        appender.stop();
    }

    @Test
    void givenLinesFromManyThreads_moreThanTheQueueHolds_stop_hasWrittenEachLineWholeAndOnce() throws Exception {
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
    void aLineLoggedWhileTheServerIsIdle_isWrittenWithoutWaitingForMore() throws InterruptedException {
        logger.info("alone");

        // Generous: the writer looks every 10 ms; this only proves that a lone line does not wait for company.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(BatchingStderrAppender.PAUSE.toMillis());
        }
        assertThat(lines()).containsExactly("|alone");
    }

    @Test
    void theCorrelationId_isTheOneInPlaceWhenTheLineWasLogged_notWhenItIsWritten() {
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
    void afterStop_aLineIsNotQueued() {
        appender.stop();

        logger.info("too late");

        assertThat(lines()).isEmpty();
    }

    @Test
    void theServersLogbackXml_writesThroughIt() {
        LoggerContext configured = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(configured.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON"))
                .isInstanceOf(BatchingStderrAppender.class)
                .matches(Appender::isStarted, "is started");
    }

    private List<String> lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
