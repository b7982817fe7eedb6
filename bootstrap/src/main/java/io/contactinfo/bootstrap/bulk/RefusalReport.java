package io.contactinfo.bootstrap.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The refused rows, one JSON object a line: {@code {"line":12,"reason":"limits.phone.active","field":"phoneNumbers"}}.
 * Never a value of the row: the line number finds it in the file, which the operator already has. Lines are written
 * as rows finish, so they are not in file order when several workers run.
 */
final class RefusalReport implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private RefusalReport(BufferedWriter out) {
        this.out = out;
    }

    /** Creates {@code file}, or empties it: a report describes one run. */
    static RefusalReport create(Path file) throws IOException {
        return new RefusalReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** @throws UncheckedIOException when the report cannot be written */
    synchronized void add(long line, Refusal refusal) {
        ObjectNode entry = JSON.createObjectNode().put("line", line).put("reason", refusal.reason());
        refusal.field().ifPresent(field -> entry.put("field", field));
        refusal.exception().ifPresent(exception -> entry.put("exception", exception));
        try {
            out.write(entry.toString());
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
