package io.contactinfo.adapter.rest;

import java.util.Objects;

/**
 * A request whose shape is wrong before any use case sees it: a header, path parameter, query parameter or
 * body field that cannot be read. Says where, never the value (values may be personal data and this may
 * reach a log); each dialect turns it into its own error (e.g. UXU_10008 for {@code X-Forwarded-For}, a
 * Security API {@code invalidRequest} whose {@code location} is {@link #name()}).
 */
public final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The part of the request the problem is in. */
    public enum Part {
        HEADER, PATH, QUERY, BODY
    }

    private final Part part;
    private final String name;

    /**
     * @param part where the problem is
     * @param name the header, the path or query parameter, or the body field as a dotted path
     *             ({@code postalAddress.city}); {@link #WHOLE_BODY} when the body as a whole cannot be read
     */
    public MalformedRequestException(Part part, String name) {
        super(Objects.requireNonNull(part, "part") + " " + Objects.requireNonNull(name, "name"), null, false, false);
        this.part = part;
        this.name = name;
    }

    /** The {@link #name()} of a body that is missing, too large or not JSON at all. */
    public static final String WHOLE_BODY = "body";

    public Part part() {
        return part;
    }

    public String name() {
        return name;
    }
}
