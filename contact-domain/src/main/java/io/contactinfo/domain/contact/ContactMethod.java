package io.contactinfo.domain.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination where a customer can receive a one-time passcode (seeds 000, 001).
 *
 * <p>Each phone yields a VOICE method, each mobile phone an SMS method too, and the email an
 * EMAIL method. A method is the default when its phone is the default phone; the email, the
 * only one a user has, is always a default. Only the masked destination ever leaves the domain.
 */
public record ContactMethod(ContactMethodId id, Channel channel, String maskedDestination, boolean isDefault,
                            boolean isVerified) {

    public ContactMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(maskedDestination, "maskedDestination");
    }

    /** The contact methods of a user's phones (in their order) and email, SMS before VOICE for each phone. */
    public static List<ContactMethod> of(List<Phone> phones, Optional<Email> email) {
        List<ContactMethod> methods = new ArrayList<>(phones.size() * 2 + 1);
        for (Phone phone : phones) {
            if (phone.type().receivesSms()) {
                methods.add(ofPhone(phone, Channel.SMS));
            }
            methods.add(ofPhone(phone, Channel.VOICE));
        }
        email.ifPresent(e -> methods.add(new ContactMethod(
                ContactMethodId.derive(e.id().value(), Channel.EMAIL, e.address().normalized()),
                Channel.EMAIL, e.address().masked(), true, e.isVerified())));
        return List.copyOf(methods);
    }

    private static ContactMethod ofPhone(Phone phone, Channel channel) {
        return new ContactMethod(
                ContactMethodId.derive(phone.id().value(), channel, phone.number().digits()),
                channel, phone.number().masked(), phone.isDefault(), phone.isVerified());
    }
}
