package io.contactinfo.adapter.rest.security;

import io.javalin.http.HttpStatus;

/**
 * The Security API's errors (seed 003): status, {@code type}, {@code code}, and the texts of {@code details}
 * and {@code moreInfo} in every {@link Language} — the dialect's one table of error texts. The English texts
 * are the seed's, word for word.
 */
enum SecurityError {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalidRequest",
            "Missing or invalid Parameters",
            "Parámetros ausentes o no válidos",
            null, null),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unAuthorized",
            "Authorization credentials are missing or invalid",
            "Las credenciales de autorización faltan o no son válidas",
            null, null),
    ACCESS_NOT_CONFIGURED(HttpStatus.FORBIDDEN, "accessNotConfigured",
            "The request operation is not configured to access this resource",
            "La operación solicitada no está configurada para acceder a este recurso",
            "Channel/Country/Business provided in the request is not supported currently",
            "El canal, país o negocio indicado en la solicitud no está habilitado actualmente"),
    /** The token is valid but lacks the operation's scope: the same code, saying why. */
    SCOPE_NOT_GRANTED(HttpStatus.FORBIDDEN, "accessNotConfigured",
            "The request operation is not configured to access this resource",
            "La operación solicitada no está configurada para acceder a este recurso",
            "The access token does not grant the scope this operation requires",
            "El token de acceso no concede el alcance que requiere esta operación"),
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND, "resourceNotFound",
            "The requested resource was not found",
            "No se encontró el recurso solicitado",
            "Empty resource/resource not found",
            "Recurso vacío o no encontrado"),
    BUSINESS_VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "businessValidationFailed",
            "Business validation error occured on one or more parameters",
            "Se produjo un error de validación de negocio en uno o más parámetros",
            null, null),
    SERVER_UNAVAILABLE(HttpStatus.INTERNAL_SERVER_ERROR, "serverUnavailable",
            "The request failed due to an internal error/server unavailability",
            "La solicitud falló por un error interno o porque el servidor no está disponible",
            null, null),
    /** A store (the database) cannot be reached: the same code, but the caller may retry. */
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "serverUnavailable",
            "The request failed due to an internal error/server unavailability",
            "La solicitud falló por un error interno o porque el servidor no está disponible",
            null, null);

    private final HttpStatus status;
    private final String code;
    private final String detailsEn;
    private final String detailsEs;
    private final String moreInfoEn;
    private final String moreInfoEs;

    SecurityError(HttpStatus status, String code, String detailsEn, String detailsEs, String moreInfoEn,
                  String moreInfoEs) {
        this.status = status;
        this.code = code;
        this.detailsEn = detailsEn;
        this.detailsEs = detailsEs;
        this.moreInfoEn = moreInfoEn;
        this.moreInfoEs = moreInfoEs;
    }

    HttpStatus status() {
        return status;
    }

    /** {@code fatal} for a failure of the server, {@code error} for one of the request. */
    String type() {
        return status.getCode() >= 500 ? "fatal" : "error";
    }

    String code() {
        return code;
    }

    String details(Language language) {
        return language == Language.ES ? detailsEs : detailsEn;
    }

    /** The {@code moreInfo} text, or null when the seed gives the code none. */
    String moreInfo(Language language) {
        return language == Language.ES ? moreInfoEs : moreInfoEn;
    }
}
