package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.domain.user.TermsAcceptance;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One of {@code termsAcceptances} (seed 002): which terms, when, and whether the user accepted them. */
record TermsAcceptanceBody(String termsIdentifier, String termsAcceptanceDateTime, Boolean termsAcceptanceFlag) {

    /**
     * The acceptances as the domain keeps them; none when {@code bodies} is absent.
     *
     * @throws MalformedRequestException naming {@code termsAcceptances[i].termsAcceptanceDateTime} when it is not
     *                                   an ISO-8601 instant ({@code 2018-09-15T13:34:22.113Z})
     */
    static List<TermsAcceptance> of(List<TermsAcceptanceBody> bodies) {
        if (bodies == null) {
            return List.of();
        }
        List<TermsAcceptance> acceptances = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            TermsAcceptanceBody body = bodies.get(i);
            if (body == null) {
                throw new MalformedRequestException(MalformedRequestException.Part.BODY, "termsAcceptances[" + i + "]");
            }
            acceptances.add(new TermsAcceptance(body.termsIdentifier, instant(body.termsAcceptanceDateTime, i),
                    Boolean.TRUE.equals(body.termsAcceptanceFlag)));
        }
        return List.copyOf(acceptances);
    }

    private static Instant instant(String value, int index) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException notAnInstant) {
            throw new MalformedRequestException(MalformedRequestException.Part.BODY,
                    "termsAcceptances[" + index + "].termsAcceptanceDateTime");
        }
    }
}
