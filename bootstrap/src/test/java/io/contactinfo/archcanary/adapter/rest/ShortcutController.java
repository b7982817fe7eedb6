package io.contactinfo.archcanary.adapter.rest;

import io.contactinfo.archcanary.adapter.persistence.CanaryTable;

/** Breaks "adapters never depend on each other": the REST adapter reads a table directly. */
public final class ShortcutController {

    public String table() {
        return CanaryTable.name();
    }
}
