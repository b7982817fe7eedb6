package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's restricted identifying data (seed 002, "identifyingData"): a date of birth and exactly one of
 * the full SSN or its last four digits, which are mutually exclusive. Immutable once KYC is completed.
 */
public record IdentifyingData(DateOfBirth dateOfBirth, Optional<Ssn> ssn, Optional<SsnSuffix> ssnSuffix) {

    public IdentifyingData {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(ssn, "ssn");
        Objects.requireNonNull(ssnSuffix, "ssnSuffix");
        Require.that(ssn.isPresent() != ssnSuffix.isPresent(), IdentityRule.SSN_EXACTLY_ONE, "ssn");
    }

    /** The last four digits of the SSN: all the Users API ever shows ({@code identities[].last4Identity}). */
    public String lastFour() {
        return ssn.map(Ssn::lastFour).orElseGet(() -> ssnSuffix.orElseThrow().digits());
    }
}
