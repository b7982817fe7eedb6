package io.contactinfo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.adapter.rest.contactinfo.UxuError;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The error format of each dialect (SPEC §5), as a client parses it: what is wrong with an answer's status and body,
 * if anything. Every answer of 500 or more is wrong here: a malformed request is the client's fault.
 */
enum ErrorFormats {

    /** {@code {code: "UXU_nnnnn", message, correlationId?}}, the code's status as seed 000's table gives it. */
    CONTACT_INFO(ApiClient.CONTACT_INFO) {
        @Override
        Optional<String> problem(int status, JsonNode body) {
            if (!onlyFields(body, Set.of("code", "message", "correlationId"))) {
                return Optional.of("members other than code, message, correlationId");
            }
            Integer expected = UXU_STATUS.get(body.path("code").asText());
            if (expected == null) {
                return Optional.of("no UXU code of seed 000");
            }
            if (expected != status) {
                return Optional.of(body.path("code").asText() + " with HTTP " + status + ", not " + expected);
            }
            if (!body.path("message").isTextual() || body.path("message").asText().isEmpty()) {
                return Optional.of("no message");
            }
            JsonNode correlationId = body.path("correlationId");
            return correlationId.isMissingNode() || correlationId.isNull() || correlationId.isTextual()
                    ? Optional.empty() : Optional.of("a correlationId that is not a string");
        }
    },

    /** {@code {responseDetails: [{code, subCode, description, url}]}}. */
    USERS("/programs") {
        @Override
        Optional<String> problem(int status, JsonNode body) {
            if (!onlyFields(body, Set.of("responseDetails"))) {
                return Optional.of("members other than responseDetails");
            }
            JsonNode details = body.path("responseDetails");
            if (!details.isArray() || details.isEmpty()) {
                return Optional.of("no responseDetails");
            }
            for (JsonNode detail : details) {
                if (!onlyFields(detail, Set.of("code", "subCode", "description", "url"))
                        || !detail.path("code").isInt() || !detail.path("subCode").isInt()
                        || !detail.path("description").isTextual() || !detail.path("url").isTextual()) {
                    return Optional.of("a responseDetails entry that is not {code, subCode, description, url}");
                }
            }
            return status >= 400 && details.get(0).path("code").asInt() == 0
                    ? Optional.of("HTTP " + status + " with code 0 (success)") : Optional.empty();
        }
    },

    /** {@code {type, code, details, location?, moreInfo?, uuid?, timestamp}}, the code's status as seed 003's. */
    SECURITY(ApiClient.SECURITY) {
        @Override
        Optional<String> problem(int status, JsonNode body) {
            if (!onlyFields(body, Set.of("type", "code", "details", "location", "moreInfo", "uuid", "timestamp"))) {
                return Optional.of("members other than type, code, details, location, moreInfo, uuid, timestamp");
            }
            Integer expected = SECURITY_STATUS.get(body.path("code").asText());
            if (expected == null || expected != status) {
                return Optional.of("code " + body.path("code") + " with HTTP " + status);
            }
            if (!body.path("type").asText().equals("error")) {
                return Optional.of("type " + body.path("type") + " for a client's error");
            }
            if (!body.path("details").isTextual() || body.path("details").asText().isEmpty()) {
                return Optional.of("no details");
            }
            for (String optional : Set.of("location", "moreInfo", "uuid")) {
                if (body.has(optional) && !body.get(optional).isTextual()) {
                    return Optional.of(optional + " is not a string");
                }
            }
            try {
                Instant.parse(body.path("timestamp").asText());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("timestamp not ISO-8601");
            }
        }
    };

    private static final Map<String, Integer> UXU_STATUS = Arrays.stream(UxuError.values())
            .collect(Collectors.toMap(UxuError::code, error -> error.status().getCode()));
    private static final Map<String, Integer> SECURITY_STATUS = Map.of("invalidRequest", 400, "unAuthorized", 401,
            "accessNotConfigured", 403, "resourceNotFound", 404, "businessValidationFailed", 422);

    private final String basePath;

    ErrorFormats(String basePath) {
        this.basePath = basePath;
    }

    /** The dialect a request path belongs to. */
    static ErrorFormats of(String path) {
        for (ErrorFormats format : values()) {
            if (path.startsWith(format.basePath)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no dialect serves " + path);
    }

    /** What is wrong with an error answer of this dialect (status 400 or more, or a Users API 200 refusal). */
    abstract Optional<String> problem(int status, JsonNode body);

    /** What is wrong with an answer to a request that should be refused, whatever its status. */
    Optional<String> problemWithRefusal(int status, String contentType, byte[] body) {
        if (status >= 500) {
            return Optional.of("HTTP " + status);
        }
        if (status < 400 && !(this == USERS && status == 200)) {
            return Optional.empty();
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of("HTTP " + status + " with Content-Type " + contentType);
        }
        JsonNode json;
        try {
            json = ApiClient.JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("HTTP " + status + " with a body that is not JSON");
        }
        if (json == null || !json.isObject()) {
            return Optional.of("HTTP " + status + " with a body that is not a JSON object");
        }
        if (this == USERS && status == 200 && json.path("responseDetails").path(0).path("code").asInt() != 5) {
            // A Users API 200 is a success (its data, or code 0) unless it is seed 002's locked or closed account
            // refusal (code 5).
            return Optional.empty();
        }
        return problem(status, json);
    }

    /**
     * What is wrong with the server's own answer to a request whose path it could not read (so no dialect): it must
     * be a 4xx with the JSON {@code {message}}.
     */
    static Optional<String> problemWithServerError(int status, String contentType, byte[] body) {
        if (status < 400 || status >= 500) {
            return Optional.of("HTTP " + status + " to a request whose target cannot be read");
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of("HTTP " + status + " with Content-Type " + contentType);
        }
        try {
            JsonNode json = ApiClient.JSON.readTree(body);
            return json != null && onlyFields(json, Set.of("message")) && json.path("message").isTextual()
                    ? Optional.empty() : Optional.of("not {message}");
        } catch (IOException e) {
            return Optional.of("a body that is not JSON");
        }
    }

    private static boolean onlyFields(JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
