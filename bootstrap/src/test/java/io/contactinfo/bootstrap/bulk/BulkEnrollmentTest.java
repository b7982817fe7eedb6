package io.contactinfo.bootstrap.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollOutcome;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.EnrollEachUseCase;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.application.service.EnrollService;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import on the core's in-memory ports: the real enrollment use case, no database. */
class BulkEnrollmentTest {

    private static final InstitutionId BANK = new InstitutionId("bank-a");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final InMemoryPorts ports = new InMemoryPorts();
    private final EnrollEachUseCase enroll = new EnrollService(ports.users(), ports.accounts(), ports.institutions(),
            ports.limits(), ports.audit(), ports.unitOfWork(), EmailPolicy.PRODUCTION, CLOCK);

    @Test
    void givenThreeAccountsWithOnePhone_theThirdIsRefusedByThePhoneLimit() throws Exception {
        Path file = jsonLines(person("c-1", "2125550101", "123456789"), person("c-2", "2125550101", "223456789"),
                person("c-3", "2125550101", "323456789"));

        ImportSummary summary = importing(file, 4);

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.refusedByReason()).isEqualTo(Map.of("limits.phone.active", 1L));
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void givenOneSsnOnTwoRows_theSecondIsRefusedByTheSsnLimit() throws Exception {
        Path file = jsonLines(person("c-1", "2125550101", "123456789"), person("c-2", "3105550199", "123456789"));

        assertThat(importing(file, 1).refusedByReason()).isEqualTo(Map.of("limits.ssn.active", 1L));
    }

    @Test
    void aRowRefusedForAnyReasonIsCountedByItAndTheOthersAreEnrolled() throws Exception {
        Path file = jsonLines(person("c-1", "2125550101", null), person("c-1", "3105550199", null),
                person("c-2", "212555010", null), "{\"userData\":[]}", person("c-3", null, null));

        ImportSummary summary = importing(file, 2);

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.refusedByReason()).containsOnlyKeys("enrollment.customer-id-taken",
                "contact.phone-number.format", "malformed");
        assertThat(ports.users().findByCustomerId(BANK, new InstitutionCustomerId("c-3"))).isPresent();
    }

    @Test
    void theReportNamesTheLineTheReasonAndTheFieldOnly() throws Exception {
        Path file = jsonLines(person("c-1", "2125550101", "12345"));

        importing(file, 1);

        assertThat(Files.readAllLines(report()))
                .containsExactly("{\"line\":1,\"reason\":\"identity.ssn.format\",\"field\":\"ssn\"}");
    }

    @Test
    void eachRowIsEnrolledByTheInstitutionWithItsOwnCorrelationId() throws Exception {
        Path file = jsonLines(person("c-1", null, null), person("c-2", null, null));

        importing(file, 1);

        List<AuditRecord> records = ports.audit().records();
        assertThat(records).extracting(AuditRecord::institutionId).containsOnly(BANK);
        assertThat(records).extracting(AuditRecord::clientId).containsOnly(BulkEnrollment.CLIENT_ID);
        assertThat(records).extracting(AuditRecord::subject).containsOnly("operator");
        assertThat(records).extracting(AuditRecord::correlationId)
                .allMatch(id -> id.matches("import:[0-9a-f-]{36}:[12]")).doesNotHaveDuplicates();
    }

    @Test
    void whenTheDatabaseCannotBeReached_theImportStopsAndSaysWhy() throws Exception {
        Path file = jsonLines(person("c-1", null, null), person("c-2", null, null));
        EnrollEachUseCase unreachable = new EnrollEachUseCase() {
            @Override
            public EnrollResult enroll(EnrollCommand command) {
                throw new StoreUnavailableException(new SQLException("connection refused"));
            }

            @Override
            public List<EnrollOutcome> enrollEach(List<EnrollCommand> commands) {
                throw new StoreUnavailableException(new SQLException("connection refused"));
            }
        };

        ImportSummary summary = new BulkEnrollment(unreachable, CLOCK, 2, ImportProgress.NONE)
                .run(new EnrollmentFile(file, EnrollmentFile.Format.JSONL), BANK, "operator", report());

        assertThat(summary.complete()).isFalse();
        assertThat(summary.stoppedBecause()).contains("the database cannot be reached");
        assertThat(summary.accepted() + summary.refused()).isZero();
        assertThat(summary.describe()).startsWith("Import stopped: the database cannot be reached\n");
    }

    @Test
    void manyRowsAreEnrolledByFewerWorkersThanRows() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(person("c-" + i, String.valueOf(2_000_000_000L + i), null));
        }

        ImportSummary summary = importing(jsonLines(rows.toArray(String[]::new)), 3);

        assertThat(summary.accepted()).isEqualTo(2_000);
        assertThat(summary.refused()).isZero();
    }

    @Test
    void whenARowFailsItsBatchUnexpectedly_theBatchsRowsAreEnrolledOneByOneAndOnlyThatRowIsRefused() throws Exception {
        Path file = jsonLines(person("c-1", null, null), person("c-fails", null, null), person("c-3", null, null));
        EnrollEachUseCase failingOnOneCustomer = new EnrollEachUseCase() {
            @Override
            public EnrollResult enroll(EnrollCommand command) {
                if (command.customerId().map(InstitutionCustomerId::value).orElse("").equals("c-fails")) {
                    throw new IllegalStateException("a failure no rule explains");
                }
                return enroll.enroll(command);
            }

            @Override
            public List<EnrollOutcome> enrollEach(List<EnrollCommand> commands) {
                // As a database error would: the whole batch rolled back, nothing of it kept.
                throw new IllegalStateException("a failure no rule explains, somewhere in the batch");
            }
        };

        ImportSummary summary = new BulkEnrollment(failingOnOneCustomer, CLOCK, 1, ImportProgress.NONE)
                .run(new EnrollmentFile(file, EnrollmentFile.Format.JSONL), BANK, "operator", report());

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.refusedByReason()).isEqualTo(Map.of("unexpected", 1L));
        assertThat(ports.users().findByCustomerId(BANK, new InstitutionCustomerId("c-3"))).isPresent();
    }

    @Test
    void whenStopped_theBatchesUnderWayFinishAndAreCountedAndNoFurtherRowIsEnrolled() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(person("c-" + i, String.valueOf(2_000_000_000L + i), i % 2 == 0 ? null : "12"));
        }
        AtomicReference<BulkEnrollment> bulk = new AtomicReference<>();
        AtomicInteger batches = new AtomicInteger();
        EnrollEachUseCase stoppingInTheSecondBatch = new EnrollEachUseCase() {
            @Override
            public EnrollResult enroll(EnrollCommand command) {
                return enroll.enroll(command);
            }

            @Override
            public List<EnrollOutcome> enrollEach(List<EnrollCommand> commands) {
                if (batches.incrementAndGet() == 2) {
                    bulk.get().stop("asked to");
                }
                return enroll.enrollEach(commands);
            }
        };
        bulk.set(new BulkEnrollment(stoppingInTheSecondBatch, CLOCK, 1, ImportProgress.NONE));

        ImportSummary summary = bulk.get().run(new EnrollmentFile(jsonLines(rows.toArray(String[]::new)),
                EnrollmentFile.Format.JSONL), BANK, "operator", report());

        // Two batches of 200: the one before the stop and the one under way; the rows of each are half refused.
        assertThat(summary.stoppedBecause()).contains("asked to");
        assertThat(summary.accepted()).isEqualTo(200);
        assertThat(summary.refusedByReason()).isEqualTo(Map.of("identity.ssn.format", 200L));
        assertThat(Files.readAllLines(report())).hasSize(200).last().asString().endsWith("}");
        assertThat(ports.users().findByCustomerId(BANK, new InstitutionCustomerId("c-398"))).isPresent();
        assertThat(ports.users().findByCustomerId(BANK, new InstitutionCustomerId("c-400"))).isEmpty();
        assertThat(batches).hasValue(2);
    }

    @Test
    void aStopAskedBeforeTheRunStopsItBeforeItsFirstRow() throws Exception {
        BulkEnrollment bulk = new BulkEnrollment(enroll, CLOCK, 2, ImportProgress.NONE);
        bulk.stop("asked to");

        ImportSummary summary = bulk.run(new EnrollmentFile(jsonLines(person("c-1", null, null)),
                EnrollmentFile.Format.JSONL), BANK, "operator", report());

        assertThat(summary.stoppedBecause()).contains("asked to");
        assertThat(summary.accepted() + summary.refused()).isZero();
        assertThat(ports.users().findByCustomerId(BANK, new InstitutionCustomerId("c-1"))).isEmpty();
    }

    private ImportSummary importing(Path file, int workers) throws Exception {
        return new BulkEnrollment(enroll, CLOCK, workers, ImportProgress.NONE)
                .run(new EnrollmentFile(file, EnrollmentFile.Format.JSONL), BANK, "operator", report());
    }

    private Path report() {
        return directory.resolve("refused.jsonl");
    }

    private Path jsonLines(String... rows) throws Exception {
        return Files.write(directory.resolve("customers.jsonl"), List.of(rows));
    }

    /** A customer of Pasadena with the phone and SSN given (left out when null). */
    private static String person(String customerId, String phone, String ssn) {
        String identity = ssn == null ? "" : ",\"identifyingData\":{\"dateOfBirth\":\"1980-05-17\",\"ssn\":\"" + ssn
                + "\"}";
        String phones = phone == null ? "" : ",\"phoneNumbers\":[{\"number\":\"" + phone
                + "\",\"type\":\"mobile\",\"isDefault\":true}]";
        return "{\"institutionCustomerId\":\"" + customerId + "\",\"userData\":{\"profileData\":{\"firstName\":\"Ada\","
                + "\"lastName\":\"Lovelace\",\"addresses\":[{\"addressLine1\":\"1234 E Foothill Blvd\","
                + "\"city\":\"Pasadena\",\"state\":\"CA\",\"zipCode\":\"91107\",\"type\":\"home\",\"isDefault\":true}]}"
                + identity + phones + "}}";
    }
}
