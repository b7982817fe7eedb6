package io.contactinfo.adapter.rest.contactinfo;

/**
 * The Contact Info API's error body: {@code {code, message, correlationId}}. The message is seed 000's, followed
 * for {@code UXU_99999} by what the request got wrong: {@code "... parameters: postalAddress.city (address.city.length)"}.
 */
record UxuErrorBody(String code, String message, String correlationId) {

    static UxuErrorBody of(UxuErrors.Refusal refusal, String correlationId) {
        UxuError error = refusal.error();
        return new UxuErrorBody(error.code(), error.message() + refusal.detail().map(d -> ": " + d).orElse(""),
                correlationId);
    }
}
