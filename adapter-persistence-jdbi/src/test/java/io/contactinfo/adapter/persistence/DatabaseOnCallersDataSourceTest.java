package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.domain.institution.InstitutionId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A host service's own data source: the schema is migrated on it, the ports work on it, and it outlives us. */
class DatabaseOnCallersDataSourceTest {

    @Test
    void onACallersDataSource_migratesUsesAndLeavesItOpen() throws Exception {
        JdbcDataSource hosts = new JdbcDataSource();
        hosts.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // The host keeps a connection of its own open across our close, as a pool would.
        try (Connection hostConnection = hosts.getConnection()) {
            InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
            UUID key = UUID.randomUUID();

            try (Database database = Database.on(hosts, TestDatabases.PROTECTION)) {
                database.idempotencyStore().add(new IdempotencyStore.Entry(bank, key, "fp", "outcome",
                        Instant.parse("2024-03-01T10:15:30Z")));
            }

            try (Statement sql = hostConnection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM idempotency_record")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (Database again = Database.on(hosts, TestDatabases.PROTECTION)) {
                assertThat(again.idempotencyStore().find(bank, key)).isPresent();
            }
        }
    }
}
