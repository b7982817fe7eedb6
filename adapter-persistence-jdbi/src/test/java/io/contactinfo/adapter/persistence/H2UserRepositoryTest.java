package io.contactinfo.adapter.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository on an H2 file database, as the server runs by default. */
class H2UserRepositoryTest extends JdbiUserRepositoryContract {

    @TempDir
    static Path directory;

    private static Database database;

    @BeforeAll
    static void openDatabase() {
        database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + directory.resolve("contactinfo")));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected Database database() {
        return database;
    }
}
