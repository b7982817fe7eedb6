package io.contactinfo.domain.contact;

import java.util.List;

/**
 * The phones after an update, and the numbers the user did not have before: the ones the phone
 * limits must allow before the update is stored.
 */
public record PhoneUpdate(List<Phone> phones, List<PhoneNumber> newNumbers) {

    public PhoneUpdate {
        phones = List.copyOf(phones);
        newNumbers = List.copyOf(newNumbers);
    }
}
