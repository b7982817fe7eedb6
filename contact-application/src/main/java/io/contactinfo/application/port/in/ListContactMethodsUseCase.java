package io.contactinfo.application.port.in;

import io.contactinfo.domain.contact.ContactMethod;
import java.util.List;

/**
 * Lists where a customer can receive a one-time passcode, destinations masked (seeds 000, 001):
 * the first step of a self-service password reset. Requires {@code institution-users:read}.
 */
public interface ListContactMethodsUseCase {

    /**
     * @throws MissingScopeException      without {@link Scope#INSTITUTION_USERS_READ}
     * @throws NotFoundException when the customer is not one of the caller's institution
     */
    List<ContactMethod> list(ListContactMethodsQuery query);
}
