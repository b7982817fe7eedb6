package io.contactinfo.application.port.in;

/**
 * No customer with that id in the caller's institution.
 *
 * <p>Deliberately says nothing more: a customer of another institution is indistinguishable
 * from one that does not exist.
 */
public final class CustomerNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CustomerNotFoundException() {
        super("no such customer in the caller's institution", null, false, false);
    }
}
