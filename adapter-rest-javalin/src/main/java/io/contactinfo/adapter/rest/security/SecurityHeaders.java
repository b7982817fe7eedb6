package io.contactinfo.adapter.rest.security;

import io.contactinfo.adapter.rest.Uuids;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request headers of seed 003, each checked for presence and form; a failure is a 400 {@code invalidRequest}
 * whose {@code location} is the header's name.
 *
 * @param uuid         the caller's 128-bit trace id, canonical 8-4-4-4-12 form
 * @param clientId     the client id of the caller's application registration
 * @param countryCode  an ISO 3166-1 alpha-2 code, upper case
 * @param businessCode the business code of the caller's application registration
 * @param channelId    the channel the request comes from
 * @param sessionId    the consumer's session id, when sent
 */
record SecurityHeaders(String uuid, String clientId, String countryCode, String businessCode, String channelId,
                       Optional<String> sessionId) {

    static final String UUID_HEADER = "uuid";
    static final String CLIENT_ID = "client_id";
    static final String AUTHORIZATION = "Authorization";
    static final String ACCEPT = "Accept";
    static final String COUNTRY_CODE = "countryCode";
    static final String BUSINESS_CODE = "businessCode";
    static final String CHANNEL_ID = "channelId";
    static final String SESSION_ID = "sessionId";

    /** Printable ASCII without spaces: what an opaque id sent by a registered client looks like. */
    private static final Pattern OPAQUE_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** Letters, digits, {@code _} and {@code -}: a code chosen at registration. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> JSON_RANGES = Set.of("application/json", "application/*", "*/*");

    /**
     * The request's {@code uuid}, checked first so that every later error can echo it.
     *
     * @throws SecurityApiException invalidRequest at {@code uuid} when it is missing or not a UUID
     */
    static String uuidOf(Context ctx) {
        String value = required(ctx, UUID_HEADER);
        if (Uuids.parse(value).isEmpty()) {
            throw SecurityApiException.invalid(UUID_HEADER);
        }
        return value;
    }

    /**
     * Every other header of seed 003, {@code Authorization} aside (its failures are 401s).
     *
     * @throws SecurityApiException invalidRequest naming the first header missing or malformed
     */
    static SecurityHeaders of(Context ctx, String uuid) {
        requireAcceptsJson(ctx.header(ACCEPT));
        String clientId = matching(ctx, CLIENT_ID, OPAQUE_ID);
        String countryCode = required(ctx, COUNTRY_CODE).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(countryCode)) {
            throw SecurityApiException.invalid(COUNTRY_CODE);
        }
        String businessCode = matching(ctx, BUSINESS_CODE, CODE);
        String channelId = matching(ctx, CHANNEL_ID, CODE);
        Optional<String> sessionId = Optional.ofNullable(ctx.header(SESSION_ID));
        if (sessionId.filter(id -> !OPAQUE_ID.matcher(id).matches()).isPresent()) {
            throw SecurityApiException.invalid(SESSION_ID);
        }
        return new SecurityHeaders(uuid, clientId, countryCode, businessCode, channelId, sessionId);
    }

    /** Absent, or one of its media ranges admits {@code application/json}; the API answers nothing else. */
    private static void requireAcceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            if (JSON_RANGES.contains(mediaType(range.split(";")[0]))) {
                return;
            }
        }
        throw SecurityApiException.invalid(ACCEPT);
    }

    private static String mediaType(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static String matching(Context ctx, String header, Pattern pattern) {
        String value = required(ctx, header);
        if (!pattern.matcher(value).matches()) {
            throw SecurityApiException.invalid(header);
        }
        return value;
    }

    private static String required(Context ctx, String header) {
        String value = ctx.header(header);
        if (value == null || value.isBlank()) {
            throw SecurityApiException.invalid(header);
        }
        return value.strip();
    }
}
