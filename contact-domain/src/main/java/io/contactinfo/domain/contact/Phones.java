package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.Require;
import io.contactinfo.domain.rule.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The rules a user's list of phones obeys as a whole (seed 002, "phoneNumbers" and "Business Rules"). */
public final class Phones {

    private static final String FIELD = "phoneNumbers";

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
            throw new RuleViolation(ContactRule.PHONE_DEFAULT_UNIQUE, FIELD);
        }
        if (defaults == 1 || phones.isEmpty()) {
            return List.copyOf(phones);
        }
        List<Phone> settled = new ArrayList<>(phones);
        settled.set(0, phones.get(0).asDefault());
        return List.copyOf(settled);
    }

    /**
     * Applies the phones of an update to a user's phones (seed 002, "Business Rules"):
     * <ul>
     *   <li>one existing phone and one requested: it is updated in place, number and type, even when
     *       the type changes;</li>
     *   <li>otherwise each requested phone updates the existing phone of its type, or is created when
     *       the user has none of that type;</li>
     *   <li>no phone is ever deleted; each type is requested at most once; a requested default becomes
     *       the only default, so two requested defaults break 1040 ({@link #withOneDefault});</li>
     *   <li>a phone whose number changes, or a new one, is verified only when its number is among
     *       {@code verified} (completed contact verifications); an unchanged number keeps its state.</li>
     * </ul>
     *
     * @param now the time recorded as the last update of every phone the request changes (one sent again
     *            with the same number and type keeps its time)
     */
    public static PhoneUpdate update(List<Phone> existing, List<RequestedPhone> requested,
                                     Collection<? extends Destination> verified, Instant now) {
        long types = requested.stream().map(RequestedPhone::type).distinct().count();
        Require.that(types == requested.size(), ContactRule.PHONE_TYPE_DUPLICATED, FIELD);
        boolean requestsDefault = requested.stream().anyMatch(RequestedPhone::isDefault);
        List<Phone> phones = new ArrayList<>(existing.size() + requested.size());
        for (Phone phone : existing) {
            phones.add(requestsDefault ? phone.withDefault(false) : phone);
        }
        boolean inPlace = existing.size() == 1 && requested.size() == 1;
        for (RequestedPhone request : requested) {
            int index = inPlace ? 0 : indexOfType(phones, request.type());
            boolean isVerified = isAmong(request.number(), verified);
            if (index < 0) {
                phones.add(new Phone(PhoneId.random(), request.number(), request.type(), request.isDefault(),
                        isVerified, now));
            } else {
                Phone old = phones.get(index);
                boolean sameNumber = old.number().equals(request.number());
                // A phone sent again as it was keeps its time: the password-reset cool-off counts from a real change.
                Instant updated = sameNumber && old.type() == request.type() ? old.lastUpdated() : now;
                phones.set(index, new Phone(old.id(), request.number(), request.type(),
                        old.isDefault() || request.isDefault(), isVerified || sameNumber && old.isVerified(), updated));
            }
        }
        return new PhoneUpdate(withOneDefault(phones), newNumbers(existing, requested));
    }

    /**
     * Changes the number of the phone that has {@code oldNumber} (the Contact Info API's update), keeping
     * its type and default; verified only when {@code newNumber} is among {@code verified}.
     *
     * @throws RuleViolation {@link ContactRule#PHONE_NOT_FOUND} when no phone has {@code oldNumber}
     */
    public static PhoneUpdate replaceNumber(List<Phone> existing, PhoneNumber oldNumber, PhoneNumber newNumber,
                                            Collection<? extends Destination> verified, Instant now) {
        List<Phone> phones = new ArrayList<>(existing);
        int index = indexOfNumber(phones, oldNumber);
        Require.that(index >= 0, ContactRule.PHONE_NOT_FOUND, "oldPhoneNumber");
        Phone old = phones.get(index);
        boolean sameNumber = oldNumber.equals(newNumber);
        phones.set(index, new Phone(old.id(), newNumber, old.type(), old.isDefault(),
                isAmong(newNumber, verified) || sameNumber && old.isVerified(), sameNumber ? old.lastUpdated() : now));
        List<PhoneNumber> added = indexOfNumber(existing, newNumber) < 0 ? List.of(newNumber) : List.of();
        return new PhoneUpdate(phones, added);
    }

    private static int indexOfType(List<Phone> phones, PhoneType type) {
        for (int i = 0; i < phones.size(); i++) {
            if (phones.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfNumber(List<Phone> phones, PhoneNumber number) {
        for (int i = 0; i < phones.size(); i++) {
            if (phones.get(i).number().equals(number)) {
                return i;
            }
        }
        return -1;
    }

    private static List<PhoneNumber> newNumbers(List<Phone> existing, List<RequestedPhone> requested) {
        return requested.stream()
                .map(RequestedPhone::number)
                .filter(number -> indexOfNumber(existing, number) < 0)
                .distinct()
                .toList();
    }

    static boolean isAmong(Destination destination, Collection<? extends Destination> verified) {
        return verified.stream().anyMatch(destination::sameAs);
    }
}
