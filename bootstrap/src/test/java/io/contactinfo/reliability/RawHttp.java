package io.contactinfo.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library would send: control characters and invalid
 * UTF-8 in the request line and headers, duplicated headers, any body. One connection, kept alive between exchanges
 * and opened again when the server closes it.
 */
final class RawHttp implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(int port) {
        this.port = port;
    }

    /** An answer: status, headers (names lower-cased, the last value of each), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code request} (the whole message: request line, headers, empty line, body) and reads one answer.
     *
     * @return the answer, or empty when the server closed the connection without one
     */
    Optional<Answer> exchange(byte[] request) throws IOException {
        return exchange(request, false);
    }

    /**
     * As {@link #exchange(byte[])}, closing the connection afterwards when {@code lastOnConnection}: for a request
     * the server may read as more than one message (a line break in its request line), whose other answers must not
     * be taken for the next request's.
     */
    Optional<Answer> exchange(byte[] request, boolean lastOnConnection) throws IOException {
        boolean resetBefore = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            boolean reused = socket != null;
            if (!reused) {
                connect();
            }
            boolean reset = false;
            try {
                out.write(request);
                out.flush();
            } catch (SocketException refusedMidway) {
                // The server may have answered before reading everything (a body too large), then closed.
                reset = true;
            }
            Optional<Answer> answer;
            try {
                answer = read();
            } catch (SocketException resetWhileReading) {
                answer = Optional.empty();
                reset = true;
            }
            lastAnswer = answer.map(a -> String.valueOf(a.status())).orElse("nothing");
            if (lastOnConnection || answer.isEmpty()
                    || "close".equalsIgnoreCase(answer.get().headers().get("connection"))) {
                close();
            }
            if (answer.isPresent() || (!reused && (!reset || resetBefore))) {
                return answer;
            }
            // A kept-alive connection the server had closed meanwhile, or an answer lost to a reset: Jetty answers
            // a request line it cannot read (a target too long: 414) and closes without reading the body after it,
            // and the reset that unread body causes can reach the client before it has read the answer. Once more,
            // on a new connection; an answer lost twice in a row is reported.
            resetBefore = resetBefore || (!reused && reset);
        }
        return Optional.empty();
    }

    private String lastAnswer = "";

    /** The status of the last answer read, for a failure message. */
    String lastAnswer() {
        return lastAnswer;
    }

    /** Whether a connection is open, which the next exchange reuses. */
    boolean isOpen() {
        return socket != null;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private Optional<Answer> read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return Optional.empty();
        }
        String[] parts = statusLine.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
            throw new SocketException("out of step with the server: not a status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (status == 204 || status == 304) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return Optional.of(new Answer(status, headers, body));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
            // trailers are not used
        }
        return body.toByteArray();
    }

    /** A CRLF-terminated line as ISO-8859-1, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
