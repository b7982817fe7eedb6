package io.contactinfo.reliability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Users API bodies for the suite's customers: enrollments and updates, in plain {@code userData} (dev mode). */
final class People {

    private static final List<String> PHONE_TYPES = List.of("mobile", "home", "work");

    private People() {
    }

    /**
     * An enrollment of an active account for {@code customerId}: a name, a home address, the SSN (none when
     * null), the email, and the phones in order mobile, home, work, the first the default.
     */
    static String enrollment(String customerId, String ssn, String email, String... phones) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("institutionCustomerId", customerId);
        ObjectNode userData = body.putObject("userData");
        ObjectNode profile = userData.putObject("profileData");
        profile.put("firstName", "Ana").put("lastName", "Ortiz");
        address(profile.putArray("addresses"), "1234 E Foothill Blvd");
        if (ssn != null) {
            userData.putObject("identifyingData").put("dateOfBirth", "1985-02-03").put("ssn", ssn);
        }
        userData.putObject("email").put("emailAddress", email);
        phones(userData.putArray("phoneNumbers"), phones);
        return body.toString();
    }

    /** An update that sets the phones (by type, in order mobile, home, work) and nothing else. */
    static String phonesUpdate(String... phones) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        phones(body.putObject("userData").putArray("phoneNumbers"), phones);
        return body.toString();
    }

    /** An update of email, mobile phone and home address line together: one version of a user's contact info. */
    static String contactUpdate(String email, String mobile, String addressLine1) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        ObjectNode userData = body.putObject("userData");
        address(userData.putObject("profileData").putArray("addresses"), addressLine1);
        userData.putObject("email").put("emailAddress", email);
        phones(userData.putArray("phoneNumbers"), mobile);
        return body.toString();
    }

    /** An account status change: {@code active}, {@code locked} or {@code closed}. */
    static String status(String status) {
        return ApiClient.JSON.createObjectNode().put("status", status).toString();
    }

    private static void address(ArrayNode addresses, String line1) {
        addresses.addObject().put("addressLine1", line1).put("city", "Pasadena").put("state", "CA")
                .put("zipCode", "91107").put("type", "home").put("isDefault", true);
    }

    private static void phones(ArrayNode array, String... phones) {
        for (int i = 0; i < phones.length; i++) {
            array.addObject().put("number", phones[i]).put("type", PHONE_TYPES.get(i)).put("isDefault", i == 0);
        }
    }
}
