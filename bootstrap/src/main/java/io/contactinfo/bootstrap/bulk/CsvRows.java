package io.contactinfo.bootstrap.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, a quote doubled
 * inside them) with a header row naming some of the {@link #COLUMNS}, in any order. Each row becomes the same
 * document as a JSON Lines row, so both formats meet the same code and the same rules. An empty cell is a value
 * not given.
 */
final class CsvRows implements EnrollmentFile.Rows {

    /** The columns a header may name: a flat form of the Users API's enrollment body. */
    static final List<String> COLUMNS = List.of(
            "institutionCustomerId", "loginId", "status", "peerTransferAcceptPreference",
            "firstName", "middleName", "lastName",
            "addressLine1", "addressLine2", "city", "state", "zipCode", "countryCode",
            "dateOfBirth", "ssn", "ssnSuffix",
            "email", "mobilePhone", "homePhone", "workPhone");

    private static final List<String> ADDRESS = List.of(
            "addressLine1", "addressLine2", "city", "state", "zipCode", "countryCode");
    private static final List<String> IDENTIFYING = List.of("dateOfBirth", "ssn", "ssnSuffix");
    /** Phone columns and their types; the first one given is the default phone. */
    private static final List<Map.Entry<String, String>> PHONES = List.of(
            Map.entry("mobilePhone", "mobile"), Map.entry("homePhone", "home"), Map.entry("workPhone", "work"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader in;
    private final EnrollmentFile.CountingInputStream counted;
    private final List<String> header;
    private long lineNumber;

    private CsvRows(BufferedReader in, EnrollmentFile.CountingInputStream counted) throws IOException {
        this.in = in;
        this.counted = counted;
        Record first = read();
        this.header = first == null ? List.of() : checked(first);
    }

    static CsvRows open(BufferedReader in, EnrollmentFile.CountingInputStream counted) throws IOException {
        return new CsvRows(in, counted);
    }

    /** {@code text} without the byte-order mark some spreadsheets write at the start of a UTF-8 file. */
    static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static List<String> checked(Record first) {
        if (!first.complete()) {
            throw new InvalidFileException("the CSV header has a quote that is not closed");
        }
        List<String> names = new ArrayList<>(first.cells());
        names.set(0, withoutByteOrderMark(names.get(0)));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!COLUMNS.contains(name)) {
                throw new InvalidFileException("the CSV header names an unknown column '" + name
                        + "'; the columns are " + String.join(",", COLUMNS));
            }
            if (names.subList(0, i).contains(name)) {
                throw new InvalidFileException("the CSV header names the column '" + name + "' twice");
            }
            names.set(i, name);
        }
        return List.copyOf(names);
    }

    @Override
    public EnrollmentFile.Row next() throws IOException {
        Record record = read();
        return record == null ? null : new CsvRow(record, header);
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * @param line     where the record starts
     * @param complete false when the file ended inside a quoted field
     */
    private record Record(long line, List<String> cells, boolean complete) {
    }

    /** The next record that is not an empty line, or {@code null} at the end of the file. */
    private Record read() throws IOException {
        String text = in.readLine();
        while (text != null && text.isEmpty()) {
            lineNumber++;
            text = in.readLine();
        }
        if (text == null) {
            return null;
        }
        long start = ++lineNumber;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    cells.add(cell.toString());
                    return new Record(start, cells, true);
                }
                text = in.readLine();
                if (text == null) {
                    cells.add(cell.toString());
                    return new Record(start, cells, false);
                }
                lineNumber++;
                cell.append('\n');
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else {
                cell.append(c);
            }
        }
    }

    /** A record, made into a document on the worker that enrolls it. */
    private record CsvRow(Record record, List<String> header) implements EnrollmentFile.Row {

        @Override
        public long line() {
            return record.line();
        }

        @Override
        public byte[] document() {
            if (!record.complete() || record.cells().size() != header.size()) {
                throw new MalformedRowException("row");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = record.cells().get(i);
                if (!value.isEmpty()) {
                    values.put(header.get(i), value);
                }
            }
            try {
                return JSON.writeValueAsBytes(enrollment(values));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings is always JSON", e);
            }
        }
    }

    /** The enrollment body the values spell: the same fields as the Users API's, nested as it nests them. */
    private static ObjectNode enrollment(Map<String, String> values) {
        ObjectNode body = JSON.createObjectNode();
        copy(values, body, "institutionCustomerId", "loginId", "status", "peerTransferAcceptPreference");
        ObjectNode userData = body.putObject("userData");
        ObjectNode profile = JSON.createObjectNode();
        copy(values, profile, "firstName", "middleName", "lastName");
        if (ADDRESS.stream().anyMatch(values::containsKey)) {
            ObjectNode home = profile.putArray("addresses").addObject();
            copy(values, home, ADDRESS.toArray(String[]::new));
            home.put("type", "home").put("isDefault", true);
        }
        if (!profile.isEmpty()) {
            userData.set("profileData", profile);
        }
        if (IDENTIFYING.stream().anyMatch(values::containsKey)) {
            copy(values, userData.putObject("identifyingData"), IDENTIFYING.toArray(String[]::new));
        }
        if (values.containsKey("email")) {
            userData.putObject("email").put("emailAddress", values.get("email"));
        }
        ArrayNode phones = JSON.createArrayNode();
        for (Map.Entry<String, String> phone : PHONES) {
            if (values.containsKey(phone.getKey())) {
                boolean first = phones.isEmpty();
                phones.addObject().put("number", values.get(phone.getKey())).put("type", phone.getValue())
                        .put("isDefault", first);
            }
        }
        if (!phones.isEmpty()) {
            userData.set("phoneNumbers", phones);
        }
        return body;
    }

    private static void copy(Map<String, String> values, ObjectNode target, String... names) {
        for (String name : names) {
            if (values.containsKey(name)) {
                target.put(name, values.get(name));
            }
        }
    }
}
