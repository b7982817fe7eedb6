package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, property 1, as deployed: two server processes ({@code java -jar contact-info.jar}) on one PostgreSQL
 * database, sharing their data keys and signing key as one deployment's instances do; 500 requests at once per round
 * race for one SSN and one phone number through both ({@link LimitRace}).
 */
@Tag("reliability")
@Tag("slow")
@EnabledIfSystemProperty(named = "contactinfo.jar", matches = ".+")
@EnabledIfEnvironmentVariable(named = Databases.POSTGRES_VARIABLE, matches = ".+")
class LimitsAcrossProcessesIT {

    private static final int REQUESTS_PER_ROUND = 500;
    private static final long SEED = 1111;

    @TempDir
    Path dataDirectory;

    @Test
    void twoProcessesOnOnePostgreSqlDatabase_holdTheLimitsExactly() {
        try (Databases.Store store = Databases.postgres();
             // The first creates the keys and loads the demo data; the second finds both.
             Servers.Process first = Servers.Process.start(dataDirectory, Optional.of(store.url()), "first");
             Servers.Process second = Servers.Process.start(dataDirectory, Optional.of(store.url()), "second")) {
            var tokens = Servers.tokens(dataDirectory);
            List<ApiClient> instances = List.of(new ApiClient(first.root(), tokens),
                    new ApiClient(second.root(), tokens));

            LimitRace.Figures figures = new LimitRace(instances, store.url(), SEED).run(REQUESTS_PER_ROUND);

            ReliabilityReport.line("limits across 2 processes (" + store.name() + ")", figures.requests(),
                    figures.violations().size(), figures.details());
            assertThat(figures.violations()).isEmpty();
        }
    }
}
