package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/** The one table from every failure a Contact Info API request can meet to its UXU error. */
final class UxuErrors {

    private UxuErrors() {
    }

    static UxuError of(Exception failure) {
        if (failure instanceof UxuException uxu) {
            return uxu.error();
        }
        if (failure instanceof AccessTokenRejectedException rejected) {
            return rejected.reason() == AccessTokenRejectedException.Reason.EXPIRED
                    ? UxuError.EXPIRED_TOKEN : UxuError.INVALID_TOKEN;
        }
        if (failure instanceof MissingScopeException) {
            return UxuError.MISSING_ROLE;
        }
        if (failure instanceof NotFoundException notFound) {
            return notFound.resource() == NotFoundException.Resource.CONTACT_METHOD
                    ? UxuError.CONTACT_METHOD_NOT_FOUND : UxuError.CUSTOMER_NOT_FOUND;
        }
        if (failure instanceof HttpResponseException http) {
            return http.getStatus() == HttpStatus.NOT_FOUND.getCode() || http.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()
                    ? UxuError.INVALID_PATH : UxuError.MALFORMED_REQUEST;
        }
        return UxuError.INTERNAL_ERROR;
    }
}
