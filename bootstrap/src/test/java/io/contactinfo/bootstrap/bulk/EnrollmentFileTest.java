package io.contactinfo.bootstrap.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the two formats: rows, their line numbers, and the documents they become. */
class EnrollmentFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void theFormatFollowsTheFileNameUnlessNamed() {
        assertThat(EnrollmentFile.Format.of(Path.of("customers.CSV"))).isEqualTo(EnrollmentFile.Format.CSV);
        assertThat(EnrollmentFile.Format.of(Path.of("customers.jsonl"))).isEqualTo(EnrollmentFile.Format.JSONL);
        assertThat(EnrollmentFile.Format.named("Csv")).contains(EnrollmentFile.Format.CSV);
        assertThat(EnrollmentFile.Format.named("xml")).isEmpty();
    }

    @Test
    void jsonLinesSkipBlankLinesAndKeepTheLineNumbers() throws Exception {
        List<EnrollmentFile.Row> rows = rows(EnrollmentFile.Format.JSONL, "\uFEFF{\"a\":1}\n\n  \n{\"b\":2}\r\n");

        assertThat(rows).extracting(EnrollmentFile.Row::line).containsExactly(1L, 4L);
        assertThat(new String(rows.get(0).document(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aCsvRowBecomesTheEnrollmentBodyItFlattens() throws Exception {
        String csv = "institutionCustomerId,firstName,lastName,addressLine1,zipCode,dateOfBirth,ssn,email,"
                + "homePhone,workPhone\n"
                + "c-1,Ada,Lovelace,1234 E Foothill Blvd,91107,1980-05-17,123456789,ada@example.com,"
                + "3105550199,2125550147\n";

        JsonNode body = JSON.readTree(rows(EnrollmentFile.Format.CSV, csv).get(0).document());

        assertThat(body).isEqualTo(JSON.readTree("""
                {"institutionCustomerId":"c-1","userData":{
                  "profileData":{"firstName":"Ada","lastName":"Lovelace","addresses":[
                    {"addressLine1":"1234 E Foothill Blvd","zipCode":"91107","type":"home","isDefault":true}]},
                  "identifyingData":{"dateOfBirth":"1980-05-17","ssn":"123456789"},
                  "email":{"emailAddress":"ada@example.com"},
                  "phoneNumbers":[{"number":"3105550199","type":"home","isDefault":true},
                                  {"number":"2125550147","type":"work","isDefault":false}]}}"""));
    }

    @Test
    void emptyCellsAreValuesNotGiven() throws Exception {
        JsonNode body = JSON.readTree(rows(EnrollmentFile.Format.CSV,
                "institutionCustomerId,loginId,firstName,ssn,mobilePhone\nc-1,,Ada,,\n").get(0).document());

        assertThat(body).isEqualTo(JSON.readTree(
                "{\"institutionCustomerId\":\"c-1\",\"userData\":{\"profileData\":{\"firstName\":\"Ada\"}}}"));
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() throws Exception {
        String csv = "\uFEFFfirstName,addressLine1,city\n"
                + "\"Ada \"\"Countess\"\"\",\"1234 E Foothill Blvd, Ste 5\",\"Pasa\ndena\"\n"
                + "\n"
                + "Grace,1 Main St,Arlington\n";

        List<EnrollmentFile.Row> rows = rows(EnrollmentFile.Format.CSV, csv);

        assertThat(rows).extracting(EnrollmentFile.Row::line).containsExactly(2L, 5L);
        JsonNode profile = JSON.readTree(rows.get(0).document()).at("/userData/profileData");
        assertThat(profile.get("firstName").asText()).isEqualTo("Ada \"Countess\"");
        assertThat(profile.at("/addresses/0/addressLine1").asText()).isEqualTo("1234 E Foothill Blvd, Ste 5");
        assertThat(profile.at("/addresses/0/city").asText()).isEqualTo("Pasa\ndena");
    }

    @Test
    void aRowWhoseCellsDoNotMatchTheHeaderIsMalformed() throws Exception {
        List<EnrollmentFile.Row> rows = rows(EnrollmentFile.Format.CSV, "firstName,lastName\nAda\n\"Ada,Lovelace\n");

        for (EnrollmentFile.Row row : rows) {
            assertThatThrownBy(row::document).isInstanceOfSatisfying(MalformedRowException.class,
                    e -> assertThat(e.field()).isEqualTo("row"));
        }
        assertThat(rows).hasSize(2);
    }

    @Test
    void aHeaderNamingAnUnknownColumnOrOneTwiceIsRefusedWhole() {
        assertThatThrownBy(() -> rows(EnrollmentFile.Format.CSV, "firstName,phone\nAda,1\n"))
                .isInstanceOf(InvalidFileException.class).hasMessageStartingWith(
                        "the CSV header names an unknown column 'phone'; the columns are institutionCustomerId,");
        assertThatThrownBy(() -> rows(EnrollmentFile.Format.CSV, "ssn,firstName,ssn\n"))
                .isInstanceOf(InvalidFileException.class)
                .hasMessage("the CSV header names the column 'ssn' twice");
    }

    @Test
    void anEmptyCsvFileHasNoRows() throws Exception {
        assertThat(rows(EnrollmentFile.Format.CSV, "")).isEmpty();
    }

    private List<EnrollmentFile.Row> rows(EnrollmentFile.Format format, String content) throws IOException {
        Path file = Files.writeString(directory.resolve("rows"), content);
        List<EnrollmentFile.Row> rows = new ArrayList<>();
        try (EnrollmentFile.Rows open = new EnrollmentFile(file, format).open()) {
            for (EnrollmentFile.Row row = open.next(); row != null; row = open.next()) {
                rows.add(row);
            }
            assertThat(open.bytesRead()).isEqualTo(Files.size(file));
        }
        return rows;
    }
}
