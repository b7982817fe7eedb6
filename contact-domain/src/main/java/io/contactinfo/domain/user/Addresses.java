package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules a user's addresses obey as a whole (seed 002, "addresses" and "Business Rules"). */
public final class Addresses {

    private static final String FIELD = "addresses";

    private Addresses() {
    }

    /**
     * Checks a user's addresses: none at all, or at most one of each type (1020), exactly one default
     * (1040), and a home address that is the default.
     *
     * @return the addresses, unchanged
     */
    public static List<Address> check(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        long types = addresses.stream().map(Address::type).distinct().count();
        Require.that(types == addresses.size(), AddressRule.TYPE_DUPLICATED, FIELD);
        long defaults = addresses.stream().filter(Address::isDefault).count();
        Require.that(defaults == 1, AddressRule.DEFAULT_EXACTLY_ONE, FIELD);
        Require.that(addresses.stream().anyMatch(a -> a.type() == AddressType.HOME && a.isDefault()),
                AddressRule.HOME_DEFAULT_REQUIRED, FIELD);
        return List.copyOf(addresses);
    }

    /**
     * Applies the addresses of an update: a requested type the user has is updated in place (and is
     * no longer verified or returned mail when its lines change), a new type is created, none is
     * deleted. A requested default becomes the only default. The result must pass {@link #check}.
     */
    public static List<Address> update(List<Address> existing, List<RequestedAddress> requested, Instant now) {
        long types = requested.stream().map(RequestedAddress::type).distinct().count();
        Require.that(types == requested.size(), AddressRule.TYPE_DUPLICATED, FIELD);
        boolean requestsDefault = requested.stream().anyMatch(RequestedAddress::isDefault);
        List<Address> addresses = new ArrayList<>(existing.size() + requested.size());
        for (Address address : existing) {
            addresses.add(requestsDefault ? address.withDefault(false) : address);
        }
        for (RequestedAddress request : requested) {
            int index = indexOfType(addresses, request.type());
            if (index < 0) {
                addresses.add(new Address(request.type(), request.postal(), request.isDefault(), false, false, now));
            } else {
                Address old = addresses.get(index);
                boolean same = old.postal().equals(request.postal());
                addresses.set(index, new Address(request.type(), request.postal(),
                        old.isDefault() || request.isDefault(), same && old.isVerified(), same && old.isReturned(),
                        now));
            }
        }
        return check(addresses);
    }

    /**
     * @throws io.contactinfo.domain.rule.RuleViolation {@link AddressRule#KYC_HOME_ADDRESS} unless the home
     *                                                  address meets KYC ({@link PostalAddress#meetsKyc})
     */
    public static void requireKyc(List<Address> addresses) {
        Require.that(addresses.stream().anyMatch(a -> a.type() == AddressType.HOME && a.postal().meetsKyc()),
                AddressRule.KYC_HOME_ADDRESS, FIELD);
    }

    private static int indexOfType(List<Address> addresses, AddressType type) {
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }
}
