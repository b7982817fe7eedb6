package io.contactinfo.adapter.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How the tests read an answer's body, as a strict client would: one JSON value and nothing after it. Jackson's
 * default reads the first value and ignores the rest, which let 404 answers with Javalin's own text after the
 * dialect's JSON pass every test.
 */
public final class StrictJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }
}
