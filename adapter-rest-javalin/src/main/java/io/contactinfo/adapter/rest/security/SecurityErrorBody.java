package io.contactinfo.adapter.rest.security;

import java.time.Instant;

/**
 * The Security API's error envelope (seed 003): {@code {type, code, details, location, moreInfo, uuid,
 * timestamp}}; absent members are omitted.
 *
 * @param uuid      the request's {@code uuid} header, once it was found to be a UUID
 * @param timestamp when the error occurred, ISO-8601 in UTC
 */
record SecurityErrorBody(String type, String code, String details, String location, String moreInfo, String uuid,
                         String timestamp) {

    static SecurityErrorBody of(SecurityErrors.Classified failure, Language language, String uuid, Instant now) {
        SecurityError error = failure.error();
        String details = error.details(language) + failure.rule().map(rule -> ": " + rule).orElse("");
        return new SecurityErrorBody(error.type(), error.code(), details, failure.location().orElse(null),
                error.moreInfo(language), uuid, now.toString());
    }
}
