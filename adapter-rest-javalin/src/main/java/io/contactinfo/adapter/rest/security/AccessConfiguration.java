package io.contactinfo.adapter.rest.security;

import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which country, business and channel combinations each institution has enabled for the Security API
 * (seed 003: 403 {@code accessNotConfigured}, "Channel/Country/Business provided in the request is not
 * supported currently").
 *
 * <pre>{@code
 * // the dev institution: the United States, any business, any channel
 * var access = AccessConfiguration.granting(List.of(new AccessConfiguration.Grant(
 *         "demo-bank", "US", AccessConfiguration.Grant.ANY, AccessConfiguration.Grant.ANY)));
 * }</pre>
 */
@FunctionalInterface
public interface AccessConfiguration {

    /**
     * @param countryCode  the request's {@code countryCode}, an upper-case ISO 3166-1 alpha-2 code
     * @param businessCode the request's {@code businessCode}
     * @param channelId    the request's {@code channelId}
     * @return true when the institution serves requests of this country, business and channel
     */
    boolean enables(InstitutionId institution, String countryCode, String businessCode, String channelId);

    /** Enables exactly the combinations one of {@code grants} matches; nothing else. */
    static AccessConfiguration granting(List<Grant> grants) {
        List<Grant> granted = List.copyOf(grants);
        return (institution, countryCode, businessCode, channelId) -> granted.stream()
                .anyMatch(grant -> grant.matches(institution, countryCode, businessCode, channelId));
    }

    /**
     * One enabled combination; {@link #ANY} in a field matches every value of it.
     *
     * @param institutionId the institution id, as in the token's institution claim
     * @param countryCode   an ISO 3166-1 alpha-2 code (any case), or {@link #ANY}
     * @param businessCode  a business code, or {@link #ANY}
     * @param channelId     a channel id, or {@link #ANY}
     */
    record Grant(String institutionId, String countryCode, String businessCode, String channelId) {

        /** Matches every value of the field it is given for. */
        public static final String ANY = "*";

        public Grant {
            Objects.requireNonNull(institutionId, "institutionId");
            countryCode = countryCode.toUpperCase(Locale.ROOT);
            Objects.requireNonNull(businessCode, "businessCode");
            Objects.requireNonNull(channelId, "channelId");
        }

        boolean matches(InstitutionId institution, String country, String business, String channel) {
            return institutionId.equals(institution.value()) && field(countryCode, country)
                    && field(businessCode, business) && field(channelId, channel);
        }

        private static boolean field(String granted, String requested) {
            return granted.equals(ANY) || granted.equals(requested);
        }
    }
}
