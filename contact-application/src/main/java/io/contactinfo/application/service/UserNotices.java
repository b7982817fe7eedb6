package io.contactinfo.application.service;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserPart;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses where a message to a user goes, and puts it in the outbox through {@link CustomerNotices}. Call it
 * inside the unit of work of the change that causes the message.
 */
final class UserNotices {

    private final CustomerNotices notices;

    UserNotices(CustomerNotices notices) {
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /**
     * Sends {@code kind} to the user's usual destination: the default phone by SMS when it is a mobile, else the
     * email, else the default phone by voice. A user with none of them is not notified.
     */
    void toUsualDestination(User user, Notification.Kind kind, Map<String, String> parameters) {
        usualDestination(user).ifPresent(r -> notices.send(user.institutionId(), r.channel(), r.destination(),
                kind, parameters));
    }

    /**
     * Tells the customer their contact info changed (SPEC §4.4): at the old and the new destination of a changed
     * email or phone, once per destination; a change that moved no destination (an address, a phone's type or
     * default) at the usual destination.
     *
     * @param changed which contact info changed, as the caller's API names it (the {@code changed} parameter)
     */
    void contactChanged(UserChange change, String changed) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        User before = change.before();
        User after = change.after();
        if (change.changed().contains(UserPart.EMAIL)) {
            before.email().ifPresent(e -> add(recipients, new Recipient(Channel.EMAIL, e.address())));
            after.email().ifPresent(e -> add(recipients, new Recipient(Channel.EMAIL, e.address())));
        }
        if (change.changed().contains(UserPart.PHONES)) {
            for (Phone phone : after.phones()) {
                Optional<Phone> old = before.phones().stream().filter(p -> p.id().equals(phone.id())).findFirst();
                if (old.filter(p -> p.number().equals(phone.number())).isEmpty()) {
                    old.ifPresent(p -> add(recipients, Recipient.of(p)));
                    add(recipients, Recipient.of(phone));
                }
            }
        }
        if (recipients.isEmpty()) {
            usualDestination(after).ifPresent(r -> add(recipients, r));
        }
        Map<String, String> parameters = Map.of("changed", changed);
        recipients.values().forEach(r -> notices.send(after.institutionId(), r.channel(), r.destination(),
                Notification.Kind.CONTACT_CHANGED, parameters));
    }

    private static Optional<Recipient> usualDestination(User user) {
        Optional<Phone> defaultPhone = user.phones().stream().filter(Phone::isDefault).findFirst();
        if (defaultPhone.filter(p -> p.type().receivesSms()).isPresent()) {
            return defaultPhone.map(Recipient::of);
        }
        return user.email().map(e -> new Recipient(Channel.EMAIL, e.address()))
                .or(() -> defaultPhone.map(Recipient::of));
    }

    private static void add(Map<String, Recipient> recipients, Recipient recipient) {
        recipients.putIfAbsent(recipient.channel() + ":" + recipient.destination().normalized(), recipient);
    }

    private record Recipient(Channel channel, Destination destination) {

        /** A phone by SMS when it is a mobile, else by voice. */
        static Recipient of(Phone phone) {
            return new Recipient(phone.type().receivesSms() ? Channel.SMS : Channel.VOICE, phone.number());
        }
    }
}
