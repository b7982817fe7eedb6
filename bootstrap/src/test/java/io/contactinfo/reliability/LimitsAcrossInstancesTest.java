package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.bootstrap.ContactInfoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, property 1, in this JVM: two server instances (two {@link ContactInfoServer}s, each with its own
 * connection pool) on one database; 500 requests at once per round race for one SSN and one phone number through
 * both ({@link LimitRace}). The limits hold exactly; no answer is a 5xx.
 */
@Tag("reliability")
class LimitsAcrossInstancesTest {

    private static final int REQUESTS_PER_ROUND = 500;
    private static final long SEED = 11;

    @TempDir
    Path dataDirectory;

    /** Slow: H2 serves one process, so two instances on it is a stretch the PostgreSQL race makes real. */
    @Test
    @Tag("slow")
    void onOneH2File_theLimitsHoldExactly() {
        race(Databases.h2(dataDirectory));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = Databases.POSTGRES_VARIABLE, matches = ".+")
    void onOnePostgreSqlDatabase_theLimitsHoldExactly() {
        race(Databases.postgres());
    }

    private void race(Databases.Store store) {
        try (store;
             ContactInfoServer first = Servers.inJvm(dataDirectory, Optional.of(store.url()), Clock.systemUTC());
             ContactInfoServer second = Servers.inJvm(dataDirectory, Optional.of(store.url()), Clock.systemUTC())) {
            var tokens = Servers.tokens(dataDirectory);
            List<ApiClient> instances = List.of(
                    new ApiClient(URI.create("http://127.0.0.1:" + first.port()), tokens),
                    new ApiClient(URI.create("http://127.0.0.1:" + second.port()), tokens));

            LimitRace.Figures figures = new LimitRace(instances, store.url(), SEED).run(REQUESTS_PER_ROUND);

            ReliabilityReport.line("limits across 2 in-JVM instances (" + store.name() + ")", figures.requests(),
                    figures.violations().size(), figures.details());
            assertThat(figures.violations()).isEmpty();
        }
    }
}
