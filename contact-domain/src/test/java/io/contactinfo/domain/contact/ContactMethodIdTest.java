package io.contactinfo.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactMethodIdTest {

    /** Ids published before the digest was reused must stay what they were: UUID.nameUUIDFromBytes of the name. */
    @Test
    void derive_isTheNameBasedUuidOfRecordChannelAndDestination() {
        for (int i = 0; i < 200; i++) {
            UUID record = UUID.randomUUID();
            Channel channel = Channel.values()[i % Channel.values().length];
            String destination = i % 2 == 0 ? "21255501" + (10 + i % 90) : "Jane.Doe" + i + "@example.com";
            UUID expected = UUID.nameUUIDFromBytes((record + "|" + channel + "|" + destination)
                    .getBytes(StandardCharsets.UTF_8));

            ContactMethodId derived = ContactMethodId.derive(record, channel, destination);

            assertThat(derived.value()).isEqualTo(expected);
            assertThat(derived.value().version()).isEqualTo(3);
        }
    }
}
