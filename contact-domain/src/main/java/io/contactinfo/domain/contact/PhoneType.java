package io.contactinfo.domain.contact;

/** The kinds of phone of seed 002. Only a mobile phone can receive SMS. */
public enum PhoneType {
    MOBILE, HOME, WORK;

    public boolean receivesSms() {
        return this == MOBILE;
    }
}
