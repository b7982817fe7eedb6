package io.contactinfo.archcanary.adapter.persistence;

/** An adapter's class another adapter should never reach. */
public final class CanaryTable {

    public static String name() {
        return "canary";
    }
}
