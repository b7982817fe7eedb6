package io.contactinfo.adapter.rest;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The optional {@code X-Forwarded-For} header: a comma-separated list of IPv4 and IPv6 address literals,
 * the client first, then each proxy. Parsed without a DNS look-up, ever: a host name is refused, not resolved.
 */
public final class ForwardedFor {

    public static final String HEADER = "X-Forwarded-For";

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** What an IPv6 literal may contain (an embedded IPv4 included); no zone id, no brackets, no port. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ForwardedFor() {
    }

    /**
     * The addresses of every {@code X-Forwarded-For} header of the request, in order; empty without one.
     *
     * @throws MalformedRequestException on {@link #HEADER} when an element is empty or not an IP literal
     */
    public static List<InetAddress> read(Context ctx) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String value : Collections.list(ctx.req().getHeaders(HEADER))) {
            for (String element : value.split(",", -1)) {
                addresses.add(parse(element.strip()));
            }
        }
        return List.copyOf(addresses);
    }

    private static InetAddress parse(String literal) {
        // Either pattern guarantees InetAddress reads a literal: with a ':' it never resolves a name.
        if (!IPV4.matcher(literal).matches() && !IPV6_CHARACTERS.matcher(literal).matches()) {
            throw new MalformedRequestException(MalformedRequestException.Part.HEADER, HEADER);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notAnAddress) {
            throw new MalformedRequestException(MalformedRequestException.Part.HEADER, HEADER);
        }
    }
}
