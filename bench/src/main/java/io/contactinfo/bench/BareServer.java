package io.contactinfo.bench;

import io.javalin.Javalin;

/**
 * The framework's ceiling on this machine: Javalin, as the service configures nothing else, answering a
 * constant JSON. bench/load.sh reports every endpoint of the service as a ratio to this one. Not a product route.
 */
public final class BareServer {

    private static final String BODY = "{\"status\":\"UP\"}";

    private BareServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/bare", ctx -> ctx.contentType("application/json").result(BODY));
        });
        app.start("127.0.0.1", port);
        System.out.println("bare server on port " + app.port());
    }
}
