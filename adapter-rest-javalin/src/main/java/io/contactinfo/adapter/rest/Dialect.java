package io.contactinfo.adapter.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * One of the HTTP dialects the service speaks (Contact Info, Users, Security): its routes under
 * one base path, and the one place that turns any failure into that dialect's error format.
 */
public interface Dialect {

    /** Every route of the dialect starts with this path, e.g. {@code /digitalbanking/ux-users/v1}. */
    String basePath();

    /** The request header that carries the caller's correlation id (a UUID), e.g. {@code correlationId}. */
    String correlationHeader();

    void addRoutes(RoutesConfig routes);

    /** Writes the dialect's error response for a failure raised while serving one of its requests. */
    void renderError(Exception failure, Context ctx);

    /**
     * The dialect's answer to a request the HTTP server refused before any route could see it (a control character
     * in a header, a path that is not UTF-8, headers or a URI too long): the error {@link #renderError} gives that
     * malformed request, without the request's trace id, which could not be read.
     */
    ErrorAnswer unreadable(MalformedRequestException failure);

    /** An error answer written outside any route: its HTTP status and the body to write as JSON. */
    record ErrorAnswer(int status, Object body) {
    }
}
