package io.contactinfo.domain.rule;

/**
 * A business rule of the source documents, with an identifier that never changes.
 *
 * <p>Each rule family is an enum implementing this interface ({@code ContactRule}, …), so a
 * reader finds a rule by its noun. The HTTP dialects map rule ids to their own error codes;
 * the domain holds no HTTP codes.
 */
public interface Rule {

    /** The stable identifier, e.g. {@code contact.phone-number.format}. */
    String id();

    /** One sentence a person can read, e.g. "A phone number is 10 digits". */
    String description();
}
