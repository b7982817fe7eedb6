package io.contactinfo.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * The lines of a postal address (seed 002 "addresses"; seed 001 "postalAddress"). City, state and ZIP
 * code may each be missing; KYC asks for either city and state or a ZIP code ({@link Addresses#requireKyc}).
 */
public record PostalAddress(AddressLine1 line1, Optional<AddressLine2> line2, Optional<City> city,
                            Optional<State> state, Optional<ZipCode> zipCode, CountryCode countryCode) {

    public PostalAddress {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(line2, "line2");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zipCode, "zipCode");
        Objects.requireNonNull(countryCode, "countryCode");
    }

    /**
     * An address from its parts as sent: a missing or empty optional part is absent, a missing country is USA.
     */
    public static PostalAddress of(String line1, String line2, String city, String state, String zipCode,
                                   String countryCode) {
        return new PostalAddress(new AddressLine1(line1), present(line2).map(AddressLine2::new),
                present(city).map(City::new), present(state).map(State::new), present(zipCode).map(ZipCode::new),
                CountryCode.orUsa(countryCode));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    /** True when KYC can use it: a first line and either city and state, or a ZIP code. */
    public boolean meetsKyc() {
        return city.isPresent() && state.isPresent() || zipCode.isPresent();
    }

    /**
     * The first line as the Users API shows it (seed 002: {@code *****E Foothill Blvd}): the house
     * number and the space after it masked; a line without a space shows only its last four characters.
     */
    public String maskedLine1() {
        String line = line1.value();
        int space = line.indexOf(' ');
        int hidden = space < 0 ? Math.max(0, line.length() - 4) : space + 1;
        return "*".repeat(hidden) + line.substring(hidden);
    }
}
