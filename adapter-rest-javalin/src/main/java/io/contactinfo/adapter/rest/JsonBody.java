package io.contactinfo.adapter.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a request's JSON body into a record, the same way for every dialect (SPEC §5): {@code application/json} in
 * UTF-8 (not another encoding Jackson would detect), at most {@link HttpServer#MAX_BODY_BYTES}, one JSON object,
 * unknown fields ignored, no coercion between strings, numbers and booleans, nor from a number to a name.
 *
 * <p>Every failure is a {@link MalformedRequestException}: on the {@code Content-Type} header, on
 * {@link MalformedRequestException#WHOLE_BODY} (missing, too large, not JSON, not an object), or on the field
 * whose value has the wrong type, named as a dotted path ({@code phoneNumber.newPhoneNumber}).
 */
public final class JsonBody {

    private static final ObjectMapper JSON = HttpServer.objectMapper();

    /** How much of an oversized body is read before it is refused; past this the connection is closed on it. */
    static final long DRAINED_BYTES = 1024 * 1024;

    private JsonBody() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        requireJsonContentType(ctx.header("Content-Type"));
        return read(bytes(ctx), type);
    }

    /**
     * Reads one JSON object into a record by the same rules as a request's body, for JSON that did not come as one:
     * decrypted from a body, or a line of a bulk-load file.
     *
     * @throws MalformedRequestException on {@link MalformedRequestException#WHOLE_BODY} when {@code body} is empty,
     *                                   not JSON or not an object, or on the field (relative to that JSON) whose
     *                                   value has the wrong type
     */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0 || !utf8(body)) {
            throw wholeBody();
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw wholeBody();
            }
            return value;
        } catch (JsonMappingException wrongType) {
            throw new MalformedRequestException(MalformedRequestException.Part.BODY, fieldOf(wrongType));
        } catch (IOException notJson) {
            throw wholeBody();
        }
    }

    /**
     * Whether {@code body} can be JSON in UTF-8 as far as Jackson does not check it: Jackson reads UTF-16 and UTF-32
     * too, recognising them by their zero bytes, and a zero byte is never part of JSON in UTF-8 (a string escapes
     * it). Jackson refuses a byte sequence UTF-8 does not allow.
     */
    private static boolean utf8(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireJsonContentType(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; json && i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                json = parameter.substring("charset=".length()).replace("\"", "").equals("utf-8");
            }
        }
        if (!json) {
            throw new MalformedRequestException(MalformedRequestException.Part.HEADER, "Content-Type");
        }
    }

    /**
     * The body, read up to one byte past the limit whatever Content-Length claims (chunked bodies have none).
     *
     * <p>An oversized body is still read and thrown away, up to {@link #DRAINED_BYTES}, before it is refused. Most
     * clients write the whole body before they read the response; a server that answers and closes while the body
     * is still coming resets the connection, and the client sees that reset instead of the 400.
     */
    private static byte[] bytes(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            if (ctx.req().getContentLengthLong() <= HttpServer.MAX_BODY_BYTES) {
                byte[] body = in.readNBytes((int) HttpServer.MAX_BODY_BYTES + 1);
                if (body.length <= HttpServer.MAX_BODY_BYTES) {
                    return body;
                }
            }
            drain(in);
        } catch (IOException unreadable) {
            // Refused below, like any other body that cannot be had whole.
        }
        throw wholeBody();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAINED_BYTES;
        for (int read; left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
            left -= read;
        }
    }

    /** The dotted path of the field a mapping failure is about, or the whole body when it is about no field. */
    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? MalformedRequestException.WHOLE_BODY : path;
    }

    private static MalformedRequestException wholeBody() {
        return new MalformedRequestException(MalformedRequestException.Part.BODY, MalformedRequestException.WHOLE_BODY);
    }
}
