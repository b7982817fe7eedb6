package io.contactinfo.domain.testing;

import io.contactinfo.domain.user.DateOfBirth;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.SsnSuffix;
import java.time.LocalDate;
import java.util.Optional;

/** Identifying data for tests. */
public final class Identities {

    private Identities() {
    }

    public static IdentifyingData withSsn(String ssn) {
        return new IdentifyingData(new DateOfBirth(LocalDate.of(1980, 5, 17)), Optional.of(new Ssn(ssn)),
                Optional.empty());
    }

    public static IdentifyingData withSsnSuffix(String suffix) {
        return new IdentifyingData(new DateOfBirth(LocalDate.of(1980, 5, 17)), Optional.empty(),
                Optional.of(new SsnSuffix(suffix)));
    }
}
