package io.contactinfo.adapter.rest.contactinfo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.contactinfo.domain.contact.ContactMethod;
import java.util.List;

/** The body of {@code GET /customers/{customerId}/contact-methods} (SPEC §5.1). */
record ContactMethodsResponse(List<Item> contactMethods) {

    record Item(String contactMethodId, String type, String destination,
                @JsonProperty("isDefault") boolean isDefault, @JsonProperty("isVerified") boolean isVerified) {
    }

    static ContactMethodsResponse of(List<ContactMethod> methods) {
        return new ContactMethodsResponse(methods.stream()
                .map(m -> new Item(m.id().toString(), m.channel().name(), m.maskedDestination(), m.isDefault(),
                        m.isVerified()))
                .toList());
    }
}
