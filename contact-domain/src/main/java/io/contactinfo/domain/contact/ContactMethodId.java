package io.contactinfo.domain.contact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * The opaque id of a contact method.
 *
 * <p>Derived, not stored: a name-based UUID of the destination's internal record id (random,
 * never published), the channel and the destination itself. So it stays the same while the
 * destination does, reveals nothing about the number or address, and changes when the number
 * or address changes — an id listed before a change cannot send a passcode to the new destination.
 */
public record ContactMethodId(UUID value) {

    public ContactMethodId {
        Objects.requireNonNull(value, "value");
    }

    /** The MD5 digest that {@link UUID#nameUUIDFromBytes} looks up in the security providers on every call. */
    private static final MessageDigest MD5 = md5();

    /** The same name-based (version 3) UUID as {@link UUID#nameUUIDFromBytes}, on a copy of one MD5 digest. */
    static ContactMethodId derive(UUID recordId, Channel channel, String destination) {
        String name = recordId + "|" + channel + "|" + destination;
        byte[] hash = copyOfMd5().digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) (hash[6] & 0x0f | 0x30); // version 3
        hash[8] = (byte) (hash[8] & 0x3f | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new ContactMethodId(new UUID(bytes.getLong(), bytes.getLong()));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static MessageDigest copyOfMd5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            return md5();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
