package io.contactinfo.bootstrap.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON Lines: each line that is not blank is one enrollment document. */
final class JsonLinesRows implements EnrollmentFile.Rows {

    private final BufferedReader in;
    private final EnrollmentFile.CountingInputStream counted;
    private long lineNumber;

    JsonLinesRows(BufferedReader in, EnrollmentFile.CountingInputStream counted) {
        this.in = in;
        this.counted = counted;
    }

    @Override
    public EnrollmentFile.Row next() throws IOException {
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            lineNumber++;
            if (lineNumber == 1) {
                text = CsvRows.withoutByteOrderMark(text);
            }
            if (!text.isBlank()) {
                return new Line(lineNumber, text);
            }
        }
        return null;
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private record Line(long line, String text) implements EnrollmentFile.Row {

        @Override
        public byte[] document() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
