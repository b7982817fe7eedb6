package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} end to end: files into the dev H2 database of a data directory, then the customers read back
 * through the HTTP API of a server started on it, with a token of the {@code token} command.
 */
class ImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One phone number on three accounts: the phone limit (2 active accounts) refuses the third. */
    private static final String SHARED_PHONE = "2125550101";
    /** Every value of the files that is personal data: none may reach the report or the output. */
    private static final List<String> PERSONAL_DATA = List.of("Ada", "Lovelace", "Foothill", "Pasadena",
            "123456789", "987654321", "1980-05-17", "ada@example.com", SHARED_PHONE, "3105550199", "91107", "9110");

    @TempDir
    Path dataDirectory;

    @Test
    void jsonLinesRowsAreEnrolledOrCountedByRuleIdAndTheAcceptedOnesAreServed() throws Exception {
        Path file = dataDirectory.resolve("customers.jsonl");
        Files.write(file, List.of(
                row("c-imp-1", SHARED_PHONE, "91107", "123456789").toString(),
                row("c-imp-2", SHARED_PHONE, "91107", null).toString(),
                row("c-imp-3", SHARED_PHONE, "91107", null).toString(),
                "",
                "{\"institutionCustomerId\":\"c-imp-4\",\"userData\":{\"phoneNumbers\":\"3105550199\"}}",
                "Ada,Lovelace,123456789",
                row("c-imp-5", null, "9110", "987654321").toString(),
                row("c-imp-6", null, "91107", null).toString()));

        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "import", "--file", file.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("3 accepted, 4 refused")
                .containsPattern("limits\\.phone\\.active +1")
                .containsPattern("malformed +2")
                .containsPattern("address\\.zip-code\\.format +1")
                .contains("Refused rows (line numbers and rules, no personal data): " + file + ".refused.jsonl");
        List<JsonNode> report = report(Path.of(file + ".refused.jsonl"));
        assertThat(report).extracting(entry -> entry.get("line").asLong() + " " + entry.get("reason").asText() + " "
                        + entry.get("field").asText())
                .contains("5 malformed userData.phoneNumbers", "6 malformed row", "7 address.zip-code.format zipCode")
                .anyMatch(entry -> entry.matches("[123] limits\\.phone\\.active phoneNumbers"));
        assertNoPersonalData(outcome, Path.of(file + ".refused.jsonl"));

        long phoneRefused = report.stream().filter(entry -> entry.get("reason").asText().equals("limits.phone.active"))
                .findFirst().orElseThrow().get("line").asLong();
        try (var server = TokenCommandTest.startServer(dataDirectory)) {
            for (int line = 1; line <= 3; line++) {
                var response = TokenCommandTest.contactMethods(server, "c-imp-" + line, token("c-imp-" + line));
                if (line == phoneRefused) {
                    assertThat(response.statusCode()).as("line %d, refused", line).isNotEqualTo(200);
                } else {
                    assertThat(response.statusCode()).as("line %d", line).isEqualTo(200);
                    assertThat(response.body()).contains("(***) ***-0101").doesNotContain(SHARED_PHONE);
                }
            }
            assertThat(TokenCommandTest.contactMethods(server, "c-imp-6", token("c-imp-6")).body())
                    .contains("a***@example.com");
        }
    }

    @Test
    void csvRowsMeetTheSameRules() throws Exception {
        Path file = dataDirectory.resolve("customers.csv");
        String header = "institutionCustomerId,firstName,lastName,addressLine1,city,state,zipCode,dateOfBirth,ssn,"
                + "email,mobilePhone,homePhone";
        Files.write(file, List.of(header,
                "c-csv-1,Ada,Lovelace,\"1234 E Foothill Blvd, Ste 5\",Pasadena,CA,91107,1980-05-17,123456789,"
                        + "ada@example.com," + SHARED_PHONE + ",3105550199",
                "c-csv-2,Ada,Lovelace,1234 E Foothill Blvd,Pasadena,CA,91107,,,," + SHARED_PHONE + ",",
                "c-csv-3,Ada,Lovelace,1234 E Foothill Blvd,Pasadena,CA,91107,,,," + SHARED_PHONE + ",",
                "c-csv-4,Ada,Lovelace,1234 E Foothill Blvd,Pasadena,CA,91107,1980-05-17,12345678,,,",
                "c-csv-5,Ada,Lovelace,1234 E Foothill Blvd"));

        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "import", "--file", file.toString(),
                "--report", dataDirectory.resolve("refused.jsonl").toString(), "--workers", "3");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("2 accepted, 3 refused")
                .containsPattern("limits\\.phone\\.active +1")
                .containsPattern("identity\\.ssn\\.format +1")
                .containsPattern("malformed +1");
        assertThat(report(dataDirectory.resolve("refused.jsonl"))).extracting(entry -> entry.get("line").asLong())
                .contains(5L, 6L);
        assertNoPersonalData(outcome, dataDirectory.resolve("refused.jsonl"));
        try (var server = TokenCommandTest.startServer(dataDirectory)) {
            Set<Integer> served = Set.of(1, 2, 3).stream()
                    .filter(n -> statusOf(server, "c-csv-" + n) == 200).collect(Collectors.toSet());
            assertThat(served).hasSize(2);
        }
    }

    /**
     * The import's commits leave most of the file dead, which a server started on it would spend minutes rewriting:
     * the import rewrites it to its live pages, and loses none.
     */
    @Test
    void theDatabaseFileIsCompactedAfterTheImport() throws Exception {
        Path file = dataDirectory.resolve("customers.jsonl");
        Files.write(file, IntStream.rangeClosed(1, 300).mapToObj(n -> row("c-many-" + n,
                String.format("31%08d", n), "91107", String.format("5%08d", n)).toString()).toList());

        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "import", "--file", file.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("300 accepted, 0 refused").contains("Compacted the database file in ");
        try (var server = TokenCommandTest.startServer(dataDirectory)) {
            assertThat(Set.of(1, 150, 300)).allMatch(n -> statusOf(server, "c-many-" + n) == 200);
        }
    }

    @Test
    void aCsvHeaderWithAnUnknownColumnLoadsNothing() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("customers.csv"), "institutionCustomerId,phone\nc-1,1\n");

        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "import", "--file", file.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("the CSV header names an unknown column 'phone'");
    }

    @Test
    void aFileThatCannotBeReadLoadsNothing() {
        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(), "import", "--file",
                dataDirectory.resolve("missing.jsonl").toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("contact-info: cannot read ");
    }

    @Test
    void anInstitutionsOwnAccountLimitsApply() throws Exception {
        Path file = dataDirectory.resolve("customers.jsonl");
        Files.write(file, List.of(row("c-lim-1", SHARED_PHONE, "91107", null).toString(),
                row("c-lim-2", SHARED_PHONE, "91107", null).toString()));

        MainTest.Outcome outcome = MainTest.run(dataDirectory, Map.of(Setting.ACCOUNT_LIMITS, "demo-bank:1/3:1/10"),
                "import", "--file", file.toString(), "--workers", "1");

        assertThat(outcome.out()).contains("1 accepted, 1 refused").contains("limits.phone.active 1");
        // The refusal is audited once, beside the enrollment, though its row's step of the batch was undone.
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dataDirectory.resolve("contactinfo"));
             ResultSet actions = h2.createStatement().executeQuery("SELECT action FROM audit_record"
                     + " WHERE client_id = 'contact-info-cli' ORDER BY seq")) {
            List<String> audited = new ArrayList<>();
            while (actions.next()) {
                audited.add(actions.getString(1));
            }
            assertThat(audited).containsExactly("enrollment.created", "limits.refused");
        }
    }

    @Test
    void givenProdMode_theInstitutionMustBeNamed() {
        MainTest.Outcome outcome = MainTest.run(dataDirectory, ProdModeConfigurationTest.completeProd(), "import", "--file",
                "customers.jsonl");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errLines().get(0)).isEqualTo("contact-info: import needs --institution in prod mode");
    }

    /** Ada Lovelace of Pasadena, with the phone, zip code and SSN given (each left out when null). */
    private static ObjectNode row(String customerId, String phone, String zipCode, String ssn) {
        ObjectNode body = JSON.createObjectNode().put("institutionCustomerId", customerId);
        ObjectNode userData = body.putObject("userData");
        ObjectNode profile = userData.putObject("profileData").put("firstName", "Ada").put("lastName", "Lovelace");
        profile.putArray("addresses").addObject().put("addressLine1", "1234 E Foothill Blvd").put("city", "Pasadena")
                .put("state", "CA").put("zipCode", zipCode).put("type", "home").put("isDefault", true);
        if (ssn != null) {
            userData.putObject("identifyingData").put("dateOfBirth", "1980-05-17").put("ssn", ssn);
        }
        userData.putObject("email").put("emailAddress", "ada@example.com");
        if (phone != null) {
            userData.putArray("phoneNumbers").addObject().put("number", phone).put("type", "mobile")
                    .put("isDefault", true);
        }
        return body;
    }

    private static List<JsonNode> report(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    private void assertNoPersonalData(MainTest.Outcome outcome, Path report) throws Exception {
        String written = Files.readString(report);
        // The output names the files, whose temporary directory could hold any digits.
        String output = (outcome.out() + outcome.err()).replace(dataDirectory.toString(), "<data directory>");
        assertThat(written).isNotEmpty();
        for (String value : PERSONAL_DATA) {
            assertThat(written).as("the report").doesNotContain(value);
            assertThat(output).as("the output").doesNotContain(value);
        }
    }

    private String token(String customer) {
        return MainTest.run(dataDirectory, Map.of(), "token", "--customer", customer).out().strip();
    }

    private int statusOf(ContactInfoServer server, String customer) {
        try {
            return TokenCommandTest.contactMethods(server, customer, token(customer)).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
