package io.contactinfo.bootstrap.bulk;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of enrollments to load, read row by row as a stream, never whole.
 *
 * @param path   the file, UTF-8
 * @param format how its rows are written
 */
public record EnrollmentFile(Path path, Format format) {

    /** How a file's rows are written (README, "Importing customers"). */
    public enum Format {
        /** One enrollment per line, a JSON object spelled as the Users API's enrollment body. */
        JSONL,
        /** A header row naming the {@link CsvRows#COLUMNS columns}, then one enrollment per row. */
        CSV;

        /** The format named {@code name} ({@code jsonl}, {@code csv}), without regard to case. */
        public static Optional<Format> named(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }

        /** CSV for a file name ending in {@code .csv}, JSON Lines otherwise. */
        public static Format of(Path path) {
            return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
        }
    }

    public EnrollmentFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }

    /**
     * Opens the file at its first row (a CSV file's header is read and checked).
     *
     * @throws InvalidFileException when a CSV header names a column that does not exist, or one twice
     */
    Rows open() throws IOException {
        var counted = new CountingInputStream(Files.newInputStream(path));
        var reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
        try {
            return format == Format.CSV ? CsvRows.open(reader, counted) : new JsonLinesRows(reader, counted);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The rows of an open file, in order. */
    interface Rows extends AutoCloseable {

        /** The next row, or {@code null} after the last. */
        Row next() throws IOException;

        /** How much of the file has been read so far, for the progress shown. */
        long bytesRead();

        @Override
        void close() throws IOException;
    }

    /** One row: the line it starts on, and its enrollment as a JSON document, made when the work is done. */
    interface Row {

        long line();

        /** @throws MalformedRowException when the row cannot be made into a document */
        byte[] document();
    }

    /** Counts the bytes read from the file, for the progress shown while the rest is read. */
    static final class CountingInputStream extends FilterInputStream {

        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
