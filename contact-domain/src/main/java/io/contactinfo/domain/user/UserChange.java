package io.contactinfo.domain.user;

import io.contactinfo.domain.contact.PhoneNumber;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user before and after an accepted update, what changed, and the phone numbers the user did not have
 * before: those the phone limits must allow before the change is stored (SPEC §4.3).
 */
public record UserChange(User before, User after, Set<UserPart> changed, List<PhoneNumber> newPhoneNumbers) {

    public UserChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changed = Set.copyOf(changed);
        newPhoneNumbers = List.copyOf(newPhoneNumbers);
    }

    public boolean isChanged() {
        return !changed.isEmpty();
    }
}
