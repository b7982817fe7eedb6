package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.DateOfBirth;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.PeerTransferPreference;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8: SSN and date of birth encrypted at rest, and an OTP code waiting in the outbox too. Reads what the
 * databases hold, below the adapter: the bytes of the H2 files and every row of every PostgreSQL table. A last name,
 * stored in clear, proves that the scan does see the data.
 */
class PiiAtRestTest {

    private static final String SSN = "587301946";
    private static final LocalDate DATE_OF_BIRTH = LocalDate.of(1987, 3, 29);
    private static final String OTP_CODE = "918273";
    private static final String CLEAR_LAST_NAME = "Quarkbottle";

    @Test
    void theH2FilesHoldNoClearSsnDateOfBirthOrOtpCode(@TempDir Path directory) throws IOException {
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + directory.resolve("pii")),
                DataProtection.generate())) {
            storePersonalData(database);
        }

        StringBuilder bytes = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }

        assertHoldsNoPersonalDataInClear(bytes.toString());
    }

    @Test
    @EnabledIfPostgres
    void thePostgresTablesHoldNoClearSsnDateOfBirthOrOtpCode() throws SQLException {
        Database database = TestDatabases.postgres();
        storePersonalData(database);

        StringBuilder rows = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("app_user", "limit_key", "notification_outbox");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT CAST(t AS TEXT) FROM " + table + " t")) {
                    while (rs.next()) {
                        rows.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }

        assertHoldsNoPersonalDataInClear(rows.toString());
    }

    private static void assertHoldsNoPersonalDataInClear(String stored) {
        assertThat(stored).contains(CLEAR_LAST_NAME);
        assertThat(stored).doesNotContain(SSN, DATE_OF_BIRTH.toString(), DATE_OF_BIRTH.toString().replace("-", ""),
                OTP_CODE);
    }

    /** A user with an SSN and a date of birth, added then updated, linked by SSN, and sent an OTP code. */
    private static void storePersonalData(Database database) {
        InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
        AccountId accountId = AccountId.random();
        UserProfile profile = UserProfile.EMPTY.withName(PersonName.of("Jane", null, CLEAR_LAST_NAME))
                .withIdentifyingData(new IdentifyingData(new DateOfBirth(DATE_OF_BIRTH), Optional.of(new Ssn(SSN)),
                        Optional.empty()));
        User user = User.create(UserId.random(), bank, new InstitutionCustomerId("c-pii"), Optional.of(accountId),
                profile, List.of(), Optional.empty());
        database.unitOfWork().transactionally(() -> {
            database.accountRepository().add(Account.open(accountId, bank, Instant.now()));
            database.userRepository().add(user);
            database.userRepository().update(User.reconstitute(user.id(), bank, user.customerId(),
                    user.accountId(), profile.withPeerTransferPreference(PeerTransferPreference.AUTOMATIC),
                    List.of(), Optional.empty(), Optional.empty()));
            database.limitRegistry().lockAndCount(bank, new LimitKey.SocialSecurityNumber(new Ssn(SSN)), accountId);
            database.limitRegistry().link(bank, new LimitKey.SocialSecurityNumber(new Ssn(SSN)), accountId);
            database.notificationOutbox().enqueue(new Notification(UUID.randomUUID(), bank, Channel.SMS,
                    "2125550147", Notification.Kind.OTP_CODE, Map.of("code", OTP_CODE)));
        });
        assertThat(database.userRepository().findById(bank, user.id()))
                .hasValueSatisfying(found -> assertThat(found.profile().identifyingData())
                        .isEqualTo(profile.identifyingData()));
    }
}
