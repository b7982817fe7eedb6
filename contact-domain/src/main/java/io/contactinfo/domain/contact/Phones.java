package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.ArrayList;
import java.util.List;

/** The rules a user's list of phones obeys as a whole (seed 002, "phoneNumbers"). */
public final class Phones {

    private Phones() {
    }

    /**
     * At most one default phone (rule 1040); when none is marked default, the first becomes the default.
     *
     * @return the phones, with the default settled
     * @throws RuleViolation {@link ContactRule#PHONE_DEFAULT_UNIQUE} when two or more are marked default
     */
    public static List<Phone> withOneDefault(List<Phone> phones) {
        long defaults = phones.stream().filter(Phone::isDefault).count();
        if (defaults > 1) {
            throw new RuleViolation(ContactRule.PHONE_DEFAULT_UNIQUE, "phoneNumbers");
        }
        if (defaults == 1 || phones.isEmpty()) {
            return List.copyOf(phones);
        }
        List<Phone> settled = new ArrayList<>(phones);
        settled.set(0, phones.get(0).asDefault());
        return List.copyOf(settled);
    }
}
