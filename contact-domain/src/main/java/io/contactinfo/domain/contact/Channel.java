package io.contactinfo.domain.contact;

/** How a one-time passcode or a notice reaches a customer. */
public enum Channel {
    SMS, VOICE, EMAIL
}
