package io.contactinfo.application.port.in;

/** The caller's token does not grant the scope the use case requires. */
public final class MissingScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Scope required;

    public MissingScopeException(Scope required) {
        super("the token does not grant the scope " + required.value(), null, false, false);
        this.required = required;
    }

    public Scope required() {
        return required;
    }
}
