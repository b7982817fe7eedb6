package io.contactinfo.adapter.rest.security;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.domain.rule.RuleViolation;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The one table from every failure a Security API request can meet to its seed 003 error. Every broken
 * domain rule is a {@code businessValidationFailed} naming the rule's id and field.
 */
final class SecurityErrors {

    private SecurityErrors() {
    }

    /** A failure classified: the error, the header or field at fault, and the broken rule's id. */
    record Classified(SecurityError error, Optional<String> location, Optional<String> rule) {

        Classified(SecurityError error) {
            this(error, Optional.empty(), Optional.empty());
        }
    }

    static Classified of(Exception failure) {
        if (failure instanceof SecurityApiException security) {
            return new Classified(security.error(), security.location(), Optional.empty());
        }
        if (failure instanceof AccessTokenRejectedException) {
            return new Classified(SecurityError.UNAUTHORIZED);
        }
        if (failure instanceof MissingScopeException) {
            return new Classified(SecurityError.SCOPE_NOT_GRANTED);
        }
        if (failure instanceof NotFoundException) {
            return new Classified(SecurityError.RESOURCE_NOT_FOUND);
        }
        if (failure instanceof RuleViolation violation) {
            return new Classified(SecurityError.BUSINESS_VALIDATION_FAILED, Optional.of(violation.field()),
                    Optional.of(violation.rule().id()));
        }
        if (failure instanceof MalformedRequestException malformed) {
            return new Classified(SecurityError.INVALID_REQUEST, Optional.of(malformed.name()), Optional.empty());
        }
        if (failure instanceof InvalidCommandException invalid) {
            return new Classified(SecurityError.INVALID_REQUEST, Optional.of(invalid.field()), Optional.empty());
        }
        if (failure instanceof StoreUnavailableException) {
            return new Classified(SecurityError.STORE_UNAVAILABLE);
        }
        if (failure instanceof HttpResponseException http) {
            return ofJavalin(http.getStatus());
        }
        return new Classified(SecurityError.SERVER_UNAVAILABLE);
    }

    /** Javalin's own refusals: no such route, or a body over the size limit. */
    private static Classified ofJavalin(int status) {
        if (status == HttpStatus.NOT_FOUND.getCode() || status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            return new Classified(SecurityError.RESOURCE_NOT_FOUND);
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return new Classified(SecurityError.INVALID_REQUEST, Optional.of(MalformedRequestException.WHOLE_BODY),
                    Optional.empty());
        }
        return new Classified(status >= 500 ? SecurityError.SERVER_UNAVAILABLE : SecurityError.INVALID_REQUEST);
    }
}
