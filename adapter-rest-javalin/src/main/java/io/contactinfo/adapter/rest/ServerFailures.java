package io.contactinfo.adapter.rest;

import org.slf4j.Logger;

/** How every dialect logs a request it answers with a 5xx: for operators, without personal data. */
public final class ServerFailures {

    private ServerFailures() {
    }

    /** Logs the failure's class and where it was thrown, never its message: messages can carry personal data. */
    public static void log(Logger log, Exception failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        log.error("request failed: {} at {}", failure.getClass().getName(), trace.length > 0 ? trace[0] : "?");
    }
}
