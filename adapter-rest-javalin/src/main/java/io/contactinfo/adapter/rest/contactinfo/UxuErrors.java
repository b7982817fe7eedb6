package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.adapter.rest.ForwardedFor;
import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.NotificationUnavailableException;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.rule.Rule;
import io.contactinfo.domain.rule.RuleViolation;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from every failure a Contact Info API request can meet to its UXU error (seed 000). A rule of
 * the domain is written once; this table gives it its UXU code: the few rules seed 000 has a code for, and
 * {@code UXU_99999} naming the field and the rule id for every other (SPEC §5.1).
 */
final class UxuErrors {

    /** The domain's rules that seed 000 has a code of their own for. */
    private static final Map<Rule, UxuError> BY_RULE = Map.of(
            // "Host phone postal address not found": the phone to replace (or to certify) is not on record.
            ContactRule.PHONE_NOT_FOUND, UxuError.NO_PHONE_OR_POSTAL_ADDRESS,
            // "No entitled customers found": a closed account's customer is no longer entitled to the service.
            AccountRule.CLOSED_NOT_UPDATABLE, UxuError.NO_ENTITLED_CUSTOMERS);

    /** Field names the core shares with the Users API, as this API spells them. */
    private static final Map<String, String> API_FIELDS = Map.of(
            "oldPhoneNumber", "phoneNumber.oldPhoneNumber",
            "phoneNumbers", "phoneNumber.newPhoneNumber",
            "emailAddress", "email.emailAddress",
            "addresses", "postalAddress",
            "accountIdentifier", "customerId");

    private UxuErrors() {
    }

    /**
     * A UXU error and, for {@code UXU_99999}, what it is about: a field, with the broken rule's id when a
     * rule broke ({@code postalAddress.city (address.city.length)}). Never a value.
     */
    record Refusal(UxuError error, Optional<String> detail) {

        Refusal(UxuError error) {
            this(error, Optional.empty());
        }
    }

    static Refusal of(Exception failure) {
        if (failure instanceof UxuException uxu) {
            return new Refusal(uxu.error());
        }
        if (failure instanceof MalformedRequestException malformed) {
            return malformed(malformed);
        }
        if (failure instanceof AccessTokenRejectedException rejected) {
            return new Refusal(rejected.reason() == AccessTokenRejectedException.Reason.EXPIRED
                    ? UxuError.EXPIRED_TOKEN : UxuError.INVALID_TOKEN);
        }
        if (failure instanceof MissingScopeException) {
            return new Refusal(UxuError.MISSING_ROLE);
        }
        if (failure instanceof NotFoundException notFound) {
            return new Refusal(notFound(notFound.resource()));
        }
        if (failure instanceof InvalidCommandException invalid) {
            return new Refusal(UxuError.MALFORMED_REQUEST, Optional.of(invalid.field()));
        }
        if (failure instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (failure instanceof StoreUnavailableException) {
            return new Refusal(UxuError.SERVICE_UNAVAILABLE);
        }
        if (failure instanceof NotificationUnavailableException) {
            return new Refusal(UxuError.EXTERNAL_SERVICE_UNAVAILABLE);
        }
        if (failure instanceof HttpResponseException http) {
            // Javalin's own: no route for the path or method, or a body over the size limit.
            return new Refusal(http.getStatus() == HttpStatus.NOT_FOUND.getCode()
                    || http.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()
                    ? UxuError.INVALID_PATH : UxuError.MALFORMED_REQUEST);
        }
        return new Refusal(UxuError.INTERNAL_ERROR);
    }

    private static Refusal malformed(MalformedRequestException malformed) {
        return switch (malformed.part()) {
            case HEADER -> malformed.name().equals(ForwardedFor.HEADER) ? new Refusal(UxuError.INVALID_IP_ADDRESS)
                    : new Refusal(UxuError.MALFORMED_REQUEST, Optional.of(malformed.name()));
            case PATH -> new Refusal(UxuError.INVALID_PATH_PARAM);
            case QUERY -> new Refusal(UxuError.INVALID_QUERY_PARAM);
            case BODY -> new Refusal(UxuError.MALFORMED_REQUEST, Optional.of(malformed.name()));
        };
    }

    private static UxuError notFound(NotFoundException.Resource resource) {
        return switch (resource) {
            case CUSTOMER, USER, ACCOUNT -> UxuError.CUSTOMER_NOT_FOUND;
            case CONTACT_METHOD -> UxuError.CONTACT_METHOD_NOT_FOUND;
            // The otpId of the path names no challenge of this customer.
            case OTP_CHALLENGE -> UxuError.INVALID_PATH_PARAM;
            // No operation of this API looks these up: meeting one is a bug.
            case CONTACT_VERIFICATION, CERTIFIED_PHONE, SOFT_TOKEN -> UxuError.INTERNAL_ERROR;
        };
    }

    /** Every other rule, a counted one (OTP send throttling, account limits) included, is {@code UXU_99999}. */
    private static Refusal ruleViolation(RuleViolation violation) {
        UxuError error = BY_RULE.get(violation.rule());
        if (error != null) {
            return new Refusal(error);
        }
        String field = API_FIELDS.getOrDefault(violation.field(), violation.field());
        return new Refusal(UxuError.MALFORMED_REQUEST, Optional.of(field + " (" + violation.rule().id() + ")"));
    }
}
