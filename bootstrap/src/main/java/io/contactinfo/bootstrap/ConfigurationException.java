package io.contactinfo.bootstrap;

/** A setting has a value the server cannot use; the message names the variable. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(Setting setting, String problem) {
        super(setting.variable() + " " + problem, null, false, false);
    }
}
