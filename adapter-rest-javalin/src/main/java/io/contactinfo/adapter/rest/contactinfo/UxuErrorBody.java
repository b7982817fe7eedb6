package io.contactinfo.adapter.rest.contactinfo;

/** The Contact Info API's error body: {@code {code, message, correlationId}}. */
record UxuErrorBody(String code, String message, String correlationId) {

    static UxuErrorBody of(UxuError error, String correlationId) {
        return new UxuErrorBody(error.code(), error.message(), correlationId);
    }
}
