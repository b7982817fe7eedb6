package io.contactinfo.adapter.rest.contactinfo;

import io.javalin.http.HttpStatus;

/** The Contact Info API's error codes, messages and HTTP statuses, row for row as seed 000's table. */
public enum UxuError {
    INVALID_TOKEN(10001, "Invalid JWT token", HttpStatus.BAD_REQUEST),
    MISSING_ROLE(10002, "Required role not present in JWT token", HttpStatus.FORBIDDEN),
    EXPIRED_TOKEN(10003, "JWT token has expired", HttpStatus.BAD_REQUEST),
    NO_INSTITUTION_CLAIM(10004, "JWT token does not contain institution id", HttpStatus.BAD_REQUEST),
    MISSING_AUTHORIZATION(10005, "Required Authorization header is missing", HttpStatus.BAD_REQUEST),
    MISSING_CORRELATION_ID(10006, "Required Correlation Id header is missing", HttpStatus.BAD_REQUEST),
    CORRELATION_ID_NOT_GUID(10007, "Correlation Id is not a GUID", HttpStatus.BAD_REQUEST),
    INVALID_IP_ADDRESS(10008, "Invalid IP address in the header", HttpStatus.BAD_REQUEST),
    INVALID_AUTHORIZATION(10009, "Invalid Authorization in the header", HttpStatus.BAD_REQUEST),
    NO_CUSTOMER_CLAIM(10010, "JWT token does not contain institution customers id", HttpStatus.BAD_REQUEST),
    CUSTOMER_CLAIM_MISMATCH(10011, "JWT token institution customers id not matching path param",
            HttpStatus.BAD_REQUEST),
    INVALID_PATH_PARAM(10012, "Invalid path param", HttpStatus.BAD_REQUEST),
    INVALID_PATH(10013, "Invalid path", HttpStatus.BAD_REQUEST),
    INVALID_QUERY_PARAM(10014, "Invalid query param", HttpStatus.BAD_REQUEST),
    SERVICE_UNAVAILABLE(30001, "Error interacting with the service", HttpStatus.SERVICE_UNAVAILABLE),
    EXTERNAL_SERVICE_UNAVAILABLE(30002, "Error interacting with the external service",
            HttpStatus.SERVICE_UNAVAILABLE),
    NO_ENTITLED_CUSTOMERS(88888, "No entitled customers found", HttpStatus.NOT_FOUND),
    CONTACT_METHOD_NOT_FOUND(88889, "Contact method Id not found", HttpStatus.BAD_REQUEST),
    CUSTOMER_NOT_FOUND(88890, "Institution customer id not found", HttpStatus.BAD_REQUEST),
    NO_PHONE_OR_POSTAL_ADDRESS(88891, "Host phone postal address not found", HttpStatus.BAD_REQUEST),
    INTERNAL_ERROR(99998, "Internal server error", HttpStatus.INTERNAL_SERVER_ERROR),
    MALFORMED_REQUEST(99999, "Cannot handle this request - check URL, body and parameters", HttpStatus.BAD_REQUEST);

    private final int number;
    private final String message;
    private final HttpStatus status;

    UxuError(int number, String message, HttpStatus status) {
        this.number = number;
        this.message = message;
        this.status = status;
    }

    /** The code as the API spells it, e.g. {@code UXU_10006}. */
    public String code() {
        return "UXU_" + number;
    }

    public String message() {
        return message;
    }

    public HttpStatus status() {
        return status;
    }
}
