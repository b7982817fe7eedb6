package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's answer to one set of terms (seed 002, "termsAcceptances"), e.g. {@code daa} or {@code privPlcy}.
 */
public record TermsAcceptance(String termsIdentifier, Instant acceptedAt, boolean accepted) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public TermsAcceptance {
        Require.matches(termsIdentifier, IDENTIFIER, ProfileRule.TERMS_IDENTIFIER_FORMAT, "termsIdentifier");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    /**
     * The acceptances after an update: a newer answer to the same terms replaces the older one, in its
     * place; answers to other terms are added; none is removed.
     */
    public static List<TermsAcceptance> merge(List<TermsAcceptance> existing, List<TermsAcceptance> given) {
        List<TermsAcceptance> merged = new ArrayList<>(existing);
        for (TermsAcceptance answer : given) {
            int index = indexOf(merged, answer.termsIdentifier());
            if (index < 0) {
                merged.add(answer);
            } else if (!answer.acceptedAt().isBefore(merged.get(index).acceptedAt())) {
                merged.set(index, answer);
            }
        }
        return List.copyOf(merged);
    }

    private static int indexOf(List<TermsAcceptance> acceptances, String termsIdentifier) {
        for (int i = 0; i < acceptances.size(); i++) {
            if (acceptances.get(i).termsIdentifier().equals(termsIdentifier)) {
                return i;
            }
        }
        return -1;
    }
}
