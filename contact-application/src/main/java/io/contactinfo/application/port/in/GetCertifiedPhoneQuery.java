package io.contactinfo.application.port.in;

import java.util.Objects;

/** The certified phone of the customer the caller's token was issued for (seed 003). */
public record GetCertifiedPhoneQuery(CallerContext caller) {

    public GetCertifiedPhoneQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
