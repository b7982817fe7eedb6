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
}
