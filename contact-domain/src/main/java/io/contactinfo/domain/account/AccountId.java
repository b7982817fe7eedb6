package io.contactinfo.domain.account;

import java.util.Objects;
import java.util.UUID;

/** An account's id: the {@code accountIdentifier} of the Users API. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
