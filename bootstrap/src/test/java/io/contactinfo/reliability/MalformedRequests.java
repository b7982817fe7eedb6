package io.contactinfo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Malformed requests for every endpoint of the three dialects, generated from a valid request of each by one to
 * three mutations: headers missing, duplicated, oversized, with control characters or invalid UTF-8; Authorization
 * and Content-Type variants; path parameters replaced by injection strings, raw or badly percent-encoded bytes,
 * huge or empty values; wrong methods, extra path segments, query strings; bodies that are not JSON, not UTF-8, of
 * the wrong types, with huge or empty strings, control characters, deep nesting, duplicated keys, over the size
 * limit, chunked, or missing.
 *
 * <p>Request {@code n} of an endpoint depends only on the seed, the endpoint and {@code n}: a failure reproduces
 * with {@link #generate(Endpoint, long, int)}.
 */
final class MalformedRequests {

    /** Injection strings, control characters, odd Unicode, and values of the wrong kind. */
    static final List<String> NASTY = List.of(
            "' OR '1'='1", "1; DROP TABLE app_user;--", "\" OR \"\"=\"", "admin'--",
            "') UNION SELECT * FROM audit_record--",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "../../../../etc/passwd", "%s%s%s%n%x",
            "\u202Eevil\u202C", "\uD83D\uDE00", "\u0000", "a\u0000b", "\r\n", "a\u0007\u001Bb", "\t", " ",
            "", "null", "NaN", "-1", "0", "99999999999999999999999", "true", "{}", "[]", "\\", "\\u0000",
            "\uFEFF", "ＡＢＣ", "Ω≈ç√∫", "\uD800", "c-1002", "demo-bank", "other-bank",
            "A".repeat(300), "1".repeat(40));

    /** Control characters for header values: all but CR and LF (see {@link #inOneLine}). */
    private static final List<Integer> CONTROLS = java.util.stream.IntStream.range(0, 0x20)
            .filter(c -> c != '\r' && c != '\n').boxed().toList();
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/json; charset=ISO-8859-1", "application/json;charset=utf-16", "application/json;;",
            "application/jsonx", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "",
            "application/json; charset=\"utf-8\"", "APPLICATION/JSON");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0x80});
    private static final List<String> BAD_PERCENT = List.of("%FF%FE", "%00", "%", "%G1", "%2F", "%2e%2e", "%C3%28",
            "%0D%0A", "%u0041", "%252F", "..", ".", "%20");

    /** One endpoint's valid request, the start of every mutation. */
    record Endpoint(String name, String method, List<String> path, Map<String, String> headers, JsonNode body) {

        /** The path with its parameters filled in; parameters are the odd elements of {@link #path}. */
        String plainPath() {
            return String.join("", path);
        }
    }

    /**
     * A generated request: what was done to it, its bytes, the dialect's path, the strings injected, whether its
     * request target can be read at all ({@link #readableTarget}), and whether the server must read it as one
     * message (not so with a line break in the request line or a broken chunk: what follows may be read as another).
     */
    record Generated(String label, byte[] bytes, String dialectPath, List<String> injected, boolean readableTarget,
                     boolean oneMessage) {

        /** The request as text, control characters and non-ASCII bytes escaped, for a failure message. */
        String printable() {
            StringBuilder text = new StringBuilder();
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (text.length() > 600) {
                    text.append("…");
                    break;
                }
                text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
            }
            return text.toString();
        }
    }

    private final int port;

    MalformedRequests(int port) {
        this.port = port;
    }

    /** Request {@code index} of {@code endpoint} for {@code seed}. */
    Generated generate(Endpoint endpoint, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + endpoint.name().hashCode() * 7919L + index);
        Draft draft = new Draft(endpoint, random);
        List<String> labels = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            labels.add(mutation.apply(draft, random));
        }
        boolean readable = readableTarget(draft);
        return new Generated(endpoint.name() + " #" + index + " " + labels, draft.bytes(port),
                endpoint.plainPath(), List.copyOf(draft.injected), readable, readable && draft.chunkedGarbage == null);
    }

    /**
     * Whether a server can tell which path a request names: only visible ASCII (RFC 9112 request-target), every
     * {@code %} followed by two hex digits, no percent-encoded control character, and short enough for the request
     * line to fit Jetty's 8 KiB buffer. When it cannot, no dialect can be told from the path.
     */
    private static boolean readableTarget(Draft draft) {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        draft.path.forEach(target::writeBytes);
        target.writeBytes(draft.query);
        byte[] bytes = target.toByteArray();
        if (bytes.length > 8_000) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0
                        || Character.digit(bytes[i + 2], 16) < 0) {
                    return false;
                }
                int decoded = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
                if (decoded < 0x20 || decoded == 0x7F) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A request being mutated: every part still editable, the body as bytes once it is no longer JSON. */
    private static final class Draft {
        String method;
        final List<byte[]> path = new ArrayList<>();
        byte[] query = new byte[0];
        final List<byte[][]> headers = new ArrayList<>();
        JsonNode json;
        byte[] body;
        boolean chunked;
        byte[] chunkedGarbage;
        final List<String> injected = new ArrayList<>();

        Draft(Endpoint endpoint, Random random) {
            method = endpoint.method();
            for (String part : endpoint.path()) {
                path.add(part.getBytes(StandardCharsets.UTF_8));
            }
            endpoint.headers().forEach((name, value) -> headers.add(new byte[][] {ascii(name),
                    ascii(value.equals("{uuid}") ? new UUID(random.nextLong(), random.nextLong()).toString()
                            : value)}));
            json = endpoint.body() == null ? null : endpoint.body().deepCopy();
            if (json != null) {
                headers.add(new byte[][] {ascii("Content-Type"), ascii("application/json")});
            }
        }

        byte[] bodyBytes() {
            if (body != null) {
                return body;
            }
            return json == null ? null : json.toString().getBytes(StandardCharsets.UTF_8);
        }

        int headerIndex(Random random) {
            return headers.isEmpty() ? -1 : random.nextInt(headers.size());
        }

        byte[] bytes(int port) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                out.write(ascii(method + " "));
                for (byte[] part : path) {
                    out.write(part);
                }
                out.write(query);
                out.write(ascii(" HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"));
                for (byte[][] header : headers) {
                    out.write(header[0]);
                    out.write(ascii(": "));
                    out.write(header[1]);
                    out.write(ascii("\r\n"));
                }
                byte[] content = bodyBytes();
                if (chunked) {
                    out.write(ascii("Transfer-Encoding: chunked\r\n\r\n"));
                    if (chunkedGarbage != null) {
                        out.write(chunkedGarbage);
                    } else if (content != null && content.length > 0) {
                        out.write(ascii(Integer.toHexString(content.length) + "\r\n"));
                        out.write(content);
                        out.write(ascii("\r\n"));
                    }
                    out.write(ascii("0\r\n\r\n"));
                } else if (content != null) {
                    out.write(ascii("Content-Length: " + content.length + "\r\n\r\n"));
                    out.write(content);
                } else {
                    out.write(ascii("\r\n"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    /** The mutations; each returns its label. */
    private enum Mutation {
        DROP_HEADER((d, r) -> {
            int i = d.headerIndex(r);
            if (i < 0) {
                return "no header to drop";
            }
            return "drop " + new String(d.headers.remove(i)[0], StandardCharsets.ISO_8859_1);
        }),
        DUPLICATE_HEADER((d, r) -> {
            int i = d.headerIndex(r);
            if (i < 0) {
                return "no header to duplicate";
            }
            byte[][] header = d.headers.get(i);
            byte[] value = r.nextBoolean() ? header[1] : utf8(inOneLine(nasty(d, r)));
            d.headers.add(r.nextInt(d.headers.size() + 1), new byte[][] {header[0], value});
            return "duplicate " + new String(header[0], StandardCharsets.ISO_8859_1);
        }),
        HEADER_NASTY((d, r) -> replaceHeaderValue(d, r, utf8(inOneLine(nasty(d, r))), "nasty")),
        HEADER_CONTROL((d, r) -> replaceHeaderValue(d, r, new byte[] {'a', (byte) CONTROLS.get(r.nextInt(
                CONTROLS.size())).intValue(), 'b'}, "control character")),
        HEADER_INVALID_UTF8((d, r) -> replaceHeaderValue(d, r, INVALID_UTF8.get(r.nextInt(INVALID_UTF8.size())),
                "invalid UTF-8")),
        HEADER_HUGE((d, r) -> replaceHeaderValue(d, r, ascii("h".repeat(r.nextBoolean() ? 4_000 : 20_000)),
                "huge")),
        MANY_HEADERS((d, r) -> {
            int count = r.nextBoolean() ? 50 : 500;
            for (int i = 0; i < count; i++) {
                d.headers.add(new byte[][] {ascii("X-Junk-" + i), ascii("v" + i)});
            }
            return count + " extra headers";
        }),
        CONTENT_TYPE((d, r) -> {
            d.headers.removeIf(h -> new String(h[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase("Content-Type"));
            String type = CONTENT_TYPES.get(r.nextInt(CONTENT_TYPES.size()));
            d.headers.add(new byte[][] {ascii("Content-Type"), ascii(type)});
            return "Content-Type " + type;
        }),
        AUTHORIZATION((d, r) -> {
            d.headers.removeIf(h -> new String(h[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase("Authorization"));
            List<String> values = List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer x.y.z",
                    "Bearer eyJhbGciOiJub25lIn0.eyJpbnN0aXR1dGlvbl9pZCI6ImRlbW8tYmFuayJ9.",
                    "bearer abc", "Bearer  abc", "Bearer " + "a".repeat(6_000), "Bearer ....", "Token abc");
            String value = values.get(r.nextInt(values.size()));
            d.headers.add(new byte[][] {ascii("Authorization"), ascii(value)});
            return "Authorization " + (value.length() > 30 ? value.substring(0, 30) + "…" : value);
        }),
        PATH_NASTY((d, r) -> replacePathParameter(d, r,
                ascii(URLEncoder.encode(nasty(d, r), StandardCharsets.UTF_8).replace("+", "%20")), "nasty")),
        PATH_RAW_BYTES((d, r) -> {
            byte[] raw = r.nextBoolean() ? INVALID_UTF8.get(r.nextInt(INVALID_UTF8.size()))
                    : new byte[] {'a', (byte) r.nextInt(0x21), 'b'};
            return replacePathParameter(d, r, raw, "raw bytes");
        }),
        PATH_BAD_PERCENT((d, r) -> replacePathParameter(d, r,
                ascii(BAD_PERCENT.get(r.nextInt(BAD_PERCENT.size()))), "bad percent-encoding")),
        PATH_HUGE((d, r) -> replacePathParameter(d, r, ascii("p".repeat(r.nextBoolean() ? 2_000 : 20_000)),
                "huge")),
        PATH_EMPTY((d, r) -> replacePathParameter(d, r, new byte[0], "empty")),
        METHOD((d, r) -> {
            d.method = METHODS.get(r.nextInt(METHODS.size()));
            return "method " + d.method;
        }),
        PATH_SUFFIX((d, r) -> {
            List<String> suffixes = List.of("/x", "/", "//", "/../", ";jsessionid=1", "/%2e%2e/x", ":x", "/otp");
            String suffix = suffixes.get(r.nextInt(suffixes.size()));
            d.path.add(ascii(suffix));
            return "suffix " + suffix;
        }),
        QUERY((d, r) -> {
            List<String> queries = List.of("?a=1", "?%FF=%FE", "?q=%27%20OR%201%3D1--", "?" + "q".repeat(3_000),
                    "?", "?a", "?a=1&a=2", "?customerId=c-1002");
            String query = queries.get(r.nextInt(queries.size()));
            d.query = ascii(query);
            return "query " + (query.length() > 30 ? query.substring(0, 30) + "…" : query);
        }),
        BODY_NOT_JSON((d, r) -> {
            List<String> bodies = List.of("{", "[]", "null", "\"text\"", "123", "{\"a\":}", "{'a':1}", "<xml/>",
                    "a=1&b=2", "{\"a\":1}{\"b\":2}", "{\"a\":1,}", "\u0000\u0000");
            String body = r.nextInt(4) == 0 && d.json != null ? d.json.toString().substring(0, d.json.toString()
                    .length() / 2) : bodies.get(r.nextInt(bodies.size()));
            d.body = utf8(body);
            return "body not JSON";
        }),
        BODY_RANDOM_BYTES((d, r) -> {
            byte[] bytes = new byte[1 + r.nextInt(200)];
            r.nextBytes(bytes);
            d.body = bytes;
            return "random bytes";
        }),
        BODY_INVALID_UTF8((d, r) -> {
            byte[] json = utf8(jsonOrEmptyObject(d).toString());
            int quote = indexOf(json, (byte) '"', r);
            byte[] invalid = INVALID_UTF8.get(r.nextInt(INVALID_UTF8.size()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(json, 0, quote + 1);
            out.writeBytes(invalid);
            out.write(json, quote + 1, json.length - quote - 1);
            d.body = out.toByteArray();
            return "invalid UTF-8 in body";
        }),
        FIELD_WRONG_TYPE((d, r) -> {
            JsonNodeFactory f = JsonNodeFactory.instance;
            List<JsonNode> values = List.of(f.numberNode(42), f.numberNode(-1), f.numberNode(1.5), f.booleanNode(true),
                    f.nullNode(), f.arrayNode().add(1), f.objectNode().put("x", 1), f.textNode("x"),
                    f.numberNode(new java.math.BigInteger("9".repeat(40))), f.numberNode(1e308), f.arrayNode());
            return replaceField(d, r, values.get(r.nextInt(values.size())), "wrong type");
        }),
        FIELD_NASTY((d, r) -> replaceField(d, r, JsonNodeFactory.instance.textNode(nasty(d, r)), "nasty")),
        FIELD_HUGE((d, r) -> replaceField(d, r, JsonNodeFactory.instance.textNode(
                "x".repeat(r.nextBoolean() ? 30_000 : 70_000)), "huge string")),
        FIELD_EMPTY((d, r) -> replaceField(d, r, JsonNodeFactory.instance.textNode(""), "empty string")),
        FIELD_DEEP((d, r) -> {
            int depth = r.nextBoolean() ? 900 : 5_000;
            String deep = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            String json = jsonOrEmptyObject(d).toString();
            int brace = json.indexOf('{');
            d.body = utf8(json.substring(0, brace + 1) + "\"deep\":" + deep + (json.length() > brace + 2 ? "," : "")
                    + json.substring(brace + 1));
            return "nested " + depth + " deep";
        }),
        DUPLICATE_KEY((d, r) -> {
            String json = jsonOrEmptyObject(d).toString();
            int colon = json.indexOf(':');
            if (colon < 0) {
                d.body = utf8("{\"a\":1,\"a\":2}");
            } else {
                int keyStart = json.lastIndexOf('"', json.lastIndexOf('"', colon - 1) - 1);
                String key = json.substring(keyStart, colon);
                d.body = utf8(json.substring(0, keyStart) + key + ":\"dup\"," + json.substring(keyStart));
            }
            return "duplicated key";
        }),
        BODY_OVER_LIMIT((d, r) -> {
            d.body = utf8(jsonOrEmptyObject(d).toString() + " ".repeat(70_000));
            return "body over 64 KiB";
        }),
        CHUNKED((d, r) -> {
            d.chunked = true;
            if (r.nextBoolean()) {
                d.chunkedGarbage = ascii("zz\r\nabc\r\n");
                return "chunked, bad chunk size";
            }
            return "chunked";
        }),
        NO_BODY((d, r) -> {
            d.json = null;
            d.body = null;
            return "no body";
        }),
        BODY_ON_READ((d, r) -> {
            d.body = utf8("{\"unexpected\":true}");
            return "a body";
        });

        private final BiFunction<Draft, Random, String> mutation;

        Mutation(BiFunction<Draft, Random, String> mutation) {
            this.mutation = mutation;
        }

        String apply(Draft draft, Random random) {
            return mutation.apply(draft, random);
        }
    }

    /**
     * A header value without CR or LF: a line break in a header would not make a malformed request but end this one
     * and start another, whose answer the next request would then read.
     */
    private static String inOneLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String nasty(Draft draft, Random random) {
        String value = NASTY.get(random.nextInt(NASTY.size()));
        // Markup, injection and format strings: a refusal that quoted one back could be rendered or run somewhere.
        if (value.length() >= 8 && value.chars().anyMatch(c -> "<>'\"${}%;".indexOf(c) >= 0)) {
            draft.injected.add(value);
        }
        return value;
    }

    private static String replaceHeaderValue(Draft d, Random r, byte[] value, String label) {
        int i = d.headerIndex(r);
        if (i < 0) {
            return "no header";
        }
        d.headers.get(i)[1] = value;
        return label + " " + new String(d.headers.get(i)[0], StandardCharsets.ISO_8859_1);
    }

    private static String replacePathParameter(Draft d, Random r, byte[] value, String label) {
        List<Integer> parameters = new ArrayList<>();
        for (int i = 1; i < d.path.size(); i += 2) {
            parameters.add(i);
        }
        if (parameters.isEmpty()) {
            d.path.add(ascii("/"));
            d.path.add(value);
            return label + " path segment";
        }
        d.path.set(parameters.get(r.nextInt(parameters.size())), value);
        return label + " path parameter";
    }

    /** Replaces a random value (any depth) of the JSON body. */
    private static String replaceField(Draft d, Random r, JsonNode value, String label) {
        ObjectNode root = jsonOrEmptyObject(d);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(r.nextInt(containers.size()));
        String where;
        if (container instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            where = names.get(r.nextInt(names.size()));
            object.set(where, value);
        } else if (container instanceof ArrayNode array && array.size() > 0) {
            int index = r.nextInt(array.size());
            array.set(index, value);
            where = "[" + index + "]";
        } else {
            root.set("extra", value);
            where = "extra";
        }
        d.json = root;
        d.body = null;
        return label + " at " + where;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collect(child, containers));
        }
    }

    private static ObjectNode jsonOrEmptyObject(Draft d) {
        return d.json instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private static int indexOf(byte[] bytes, byte wanted, Random random) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                found.add(i);
            }
        }
        return found.isEmpty() ? 0 : found.get(random.nextInt(found.size()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
