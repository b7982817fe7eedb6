package io.contactinfo.domain.testing;

import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.RequestedPhone;
import java.time.Instant;

/** Builds phones for tests: {@code aPhone().mobile().number("2125550147").isDefault().build()}. */
public final class PhoneBuilder {

    private PhoneId id = PhoneId.random();
    private String number = "2125550147";
    private PhoneType type = PhoneType.MOBILE;
    private boolean isDefault;
    private boolean isVerified;
    private Instant lastUpdated = TestClock.NOW;

    private PhoneBuilder() {
    }

    public static PhoneBuilder aPhone() {
        return new PhoneBuilder();
    }

    /** A requested phone, as an update asks for it. */
    public static RequestedPhone requested(PhoneType type, String number, boolean isDefault) {
        return new RequestedPhone(new PhoneNumber(number), type, isDefault);
    }

    public PhoneBuilder id(PhoneId value) {
        this.id = value;
        return this;
    }

    public PhoneBuilder number(String value) {
        this.number = value;
        return this;
    }

    public PhoneBuilder type(PhoneType value) {
        this.type = value;
        return this;
    }

    public PhoneBuilder mobile() {
        return type(PhoneType.MOBILE);
    }

    public PhoneBuilder home() {
        return type(PhoneType.HOME);
    }

    public PhoneBuilder work() {
        return type(PhoneType.WORK);
    }

    public PhoneBuilder isDefault() {
        this.isDefault = true;
        return this;
    }

    public PhoneBuilder verified() {
        this.isVerified = true;
        return this;
    }

    public PhoneBuilder lastUpdated(Instant value) {
        this.lastUpdated = value;
        return this;
    }

    public Phone build() {
        return new Phone(id, new PhoneNumber(number), type, isDefault, isVerified, lastUpdated);
    }
}
