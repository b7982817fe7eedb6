package io.contactinfo.domain.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** A user's one email address; it is always the default (seed 002). */
public record Email(EmailId id, EmailAddress address, boolean isVerified, Instant lastUpdated) {

    public Email {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }

    /**
     * The user's email after an update to {@code address} (seed 002: one email, always the default):
     * the existing record is updated in place; verified when the address is among {@code verified}
     * (completed contact verifications), or when it is unchanged (without regard to case) and was verified.
     */
    public static Email update(Optional<Email> existing, EmailAddress address,
                               Collection<? extends Destination> verified, Instant now) {
        boolean isVerified = Phones.isAmong(address, verified)
                || existing.filter(e -> e.address().sameAs(address) && e.isVerified()).isPresent();
        EmailId id = existing.map(Email::id).orElseGet(EmailId::random);
        // The same address sent again keeps its time: the password-reset cool-off counts from a real change.
        Instant updated = existing.filter(e -> e.address().sameAs(address)).map(Email::lastUpdated).orElse(now);
        return new Email(id, address, isVerified, updated);
    }
}
