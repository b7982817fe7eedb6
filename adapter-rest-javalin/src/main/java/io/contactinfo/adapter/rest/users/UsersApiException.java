package io.contactinfo.adapter.rest.users;

/** Ends a Users API request with one of {@link UsersError}'s answers. */
final class UsersApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UsersError error;

    UsersApiException(UsersError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    UsersError error() {
        return error;
    }
}
