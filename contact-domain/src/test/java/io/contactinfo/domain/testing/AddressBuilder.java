package io.contactinfo.domain.testing;

import io.contactinfo.domain.user.Address;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.RequestedAddress;
import java.time.Instant;

/** Builds addresses for tests: {@code aHomeAddress().line1("1234 E Foothill Blvd").build()}. */
public final class AddressBuilder {

    private AddressType type = AddressType.HOME;
    private String line1 = "1234 E Foothill Blvd";
    private String line2 = "Ste 000";
    private String city = "Pasadena";
    private String state = "CA";
    private String zipCode = "91107";
    private String countryCode;
    private boolean isDefault = true;
    private boolean isVerified;
    private boolean isReturned;
    private Instant lastUpdated = TestClock.NOW;

    private AddressBuilder() {
    }

    /** A default home address in Pasadena, seed 002's sample. */
    public static AddressBuilder aHomeAddress() {
        return new AddressBuilder();
    }

    /** A work address, not the default. */
    public static AddressBuilder aWorkAddress() {
        return new AddressBuilder().type(AddressType.WORK).line1("200 Main St").isDefault(false);
    }

    public AddressBuilder type(AddressType value) {
        this.type = value;
        return this;
    }

    public AddressBuilder line1(String value) {
        this.line1 = value;
        return this;
    }

    public AddressBuilder line2(String value) {
        this.line2 = value;
        return this;
    }

    public AddressBuilder city(String value) {
        this.city = value;
        return this;
    }

    public AddressBuilder state(String value) {
        this.state = value;
        return this;
    }

    public AddressBuilder zipCode(String value) {
        this.zipCode = value;
        return this;
    }

    public AddressBuilder countryCode(String value) {
        this.countryCode = value;
        return this;
    }

    public AddressBuilder isDefault(boolean value) {
        this.isDefault = value;
        return this;
    }

    public AddressBuilder verified() {
        this.isVerified = true;
        return this;
    }

    /** Mail sent to it came back. */
    public AddressBuilder returned() {
        this.isReturned = true;
        return this;
    }

    public AddressBuilder lastUpdated(Instant value) {
        this.lastUpdated = value;
        return this;
    }

    public PostalAddress postal() {
        return PostalAddress.of(line1, line2, city, state, zipCode, countryCode);
    }

    public Address build() {
        return new Address(type, postal(), isDefault, isVerified, isReturned, lastUpdated);
    }

    public RequestedAddress requested() {
        return new RequestedAddress(type, postal(), isDefault);
    }
}
