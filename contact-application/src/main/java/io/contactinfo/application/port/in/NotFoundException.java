package io.contactinfo.application.port.in;

import java.util.Locale;
import java.util.Objects;

/**
 * No such thing in the caller's institution.
 *
 * <p>Deliberately says nothing more: something of another institution is indistinguishable from
 * something that does not exist (tenant isolation).
 */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What was looked for. */
    public enum Resource {
        CUSTOMER, ACCOUNT, USER, CONTACT_METHOD, OTP_CHALLENGE, CONTACT_VERIFICATION, CERTIFIED_PHONE, SOFT_TOKEN
    }

    private final Resource resource;

    public NotFoundException(Resource resource) {
        super("no such " + resource.name().toLowerCase(Locale.ROOT) + " in the caller's institution",
                null, false, false);
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    public Resource resource() {
        return resource;
    }
}
