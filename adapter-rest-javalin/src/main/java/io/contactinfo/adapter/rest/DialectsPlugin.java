package io.contactinfo.adapter.rest;

import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import java.util.List;

/**
 * A Javalin plugin that mounts HTTP dialects on a host service's own app:
 * {@code Javalin.create(config -> config.registerPlugin(new DialectsPlugin(dialects)))}.
 *
 * <p>Each dialect reads and writes JSON with its own mapping and enforces the body limit itself, whatever the host
 * configured. The plugin registers the app's handler for {@link Exception}, which answers a failure under a dialect's
 * base path in that dialect's error format and any other one with a plain {@code {"message": ...}}; a host keeps its
 * own handlers for more specific exception types (Javalin picks the most specific), and its own 404 page outside the
 * dialects' base paths. Health, metrics and the API page are the standalone server's, not mounted here.
 */
public final class DialectsPlugin extends Plugin<Void> {

    private final List<Dialect> dialects;

    public DialectsPlugin(List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    @Override
    public void onStart(JavalinState state) {
        HttpServer.install(state.routes, dialects, false);
    }

    @Override
    public String name() {
        return "contact-info-dialects";
    }
}
