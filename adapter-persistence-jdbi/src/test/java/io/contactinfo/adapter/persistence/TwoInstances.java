package io.contactinfo.adapter.persistence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Two server instances on one database, as a race across instances needs: {@link #first} on the shared test
 * database, {@link #second} a pool of its own on the same data, and {@link #threads} to run the racers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstances {

    private final int racers;
    protected ExecutorService threads;
    protected Database first;
    protected Database second;

    TwoInstances(int racers) {
        this.racers = racers;
    }

    /** The shared test database of one kind (H2 or PostgreSQL). */
    abstract Database database();

    /** Its JDBC URL, for the second instance. */
    abstract String url();

    @BeforeAll
    void start() {
        threads = Executors.newFixedThreadPool(racers);
        first = database();
        second = Database.open(DatabaseSettings.of(url()), TestDatabases.PROTECTION);
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
        second.close();
    }
}
