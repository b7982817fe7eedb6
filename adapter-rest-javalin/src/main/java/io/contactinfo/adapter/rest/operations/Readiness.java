package io.contactinfo.adapter.rest.operations;

/**
 * Whether the service can do its work now — in a deployment, whether its database answers. {@code GET /health/ready}
 * asks it on every call; an exception counts as not ready.
 */
@FunctionalInterface
public interface Readiness {

    /** Ready whenever the process serves: for a server with nothing outside it to wait for. */
    Readiness ALWAYS = () -> true;

    boolean isReady();
}
