package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.application.port.in.ConflictException;
import io.contactinfo.application.port.in.IdempotencyKeyReusedException;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.rule.Rule;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.AddressRule;
import io.contactinfo.domain.user.IdentityRule;
import io.contactinfo.domain.user.ProfileRule;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one table from every failure a Users API request can meet to its {@code {httpStatus, code, subCode,
 * description}} (seed 002). Rows with a seed value say so; the others are this project's (README, "Users API").
 * A rule of the domain is written once; this table gives it its Users API code.
 */
final class UsersErrors {

    private static final int BAD_REQUEST = 400;
    /** Seed 002 answers a refused update of a locked account with HTTP 200 and code 5; closed follows it. */
    private static final int OK = 200;

    /** Row with the rule's own description. */
    private static Row row(int status, int code, int subCode) {
        return new Row(status, code, subCode, null);
    }

    private static Row row(int status, int code, int subCode, String description) {
        return new Row(status, code, subCode, description);
    }

    private static final Map<Rule, Row> BY_RULE = Map.ofEntries(
            // Seed 002 "Users": names.
            Map.entry(ProfileRule.FIRST_NAME_LENGTH, row(BAD_REQUEST, 400, 501)),
            Map.entry(ProfileRule.LAST_NAME_LENGTH, row(BAD_REQUEST, 400, 502)),
            Map.entry(ProfileRule.MIDDLE_NAME_LENGTH, row(BAD_REQUEST, 400, 503)),
            Map.entry(ProfileRule.FIRST_NAME_CHARACTERS, row(BAD_REQUEST, 640, 501)),
            Map.entry(ProfileRule.LAST_NAME_CHARACTERS, row(BAD_REQUEST, 640, 502)),
            Map.entry(ProfileRule.MIDDLE_NAME_CHARACTERS, row(BAD_REQUEST, 640, 503)),
            Map.entry(ProfileRule.PEER_TRANSFER_PREFERENCE_VALUE, row(BAD_REQUEST, 400, 900)),
            Map.entry(ProfileRule.TERMS_IDENTIFIER_FORMAT, row(BAD_REQUEST, 400, 901)),
            Map.entry(ProfileRule.LOGIN_ID_FORMAT, row(BAD_REQUEST, 400, 902)),
            Map.entry(IdentifierRule.CUSTOMER_ID_FORMAT, row(BAD_REQUEST, 400, 903)),
            // Seed 002 "User Data Response Codes & Sub-Codes": address lengths and characters.
            Map.entry(AddressRule.CITY_LENGTH, row(BAD_REQUEST, 400, 504)),
            Map.entry(AddressRule.LINE1_LENGTH, row(BAD_REQUEST, 400, 505)),
            Map.entry(AddressRule.LINE2_LENGTH, row(BAD_REQUEST, 400, 506)),
            Map.entry(AddressRule.CITY_CHARACTERS, row(BAD_REQUEST, 640, 504)),
            Map.entry(AddressRule.LINE1_CHARACTERS, row(BAD_REQUEST, 640, 505)),
            Map.entry(AddressRule.LINE2_CHARACTERS, row(BAD_REQUEST, 640, 506)),
            Map.entry(AddressRule.STATE_CODE, row(BAD_REQUEST, 400, 507)),
            Map.entry(AddressRule.ZIP_CODE_FORMAT, row(BAD_REQUEST, 400, 508)),
            Map.entry(AddressRule.COUNTRY_CODE_FORMAT, row(BAD_REQUEST, 400, 509)),
            Map.entry(AddressRule.TYPE_DUPLICATED, row(BAD_REQUEST, 400, 1020, "Duplicated type is not allowed")),
            Map.entry(AddressRule.TYPE_UNKNOWN, row(BAD_REQUEST, 400, 1021)),
            Map.entry(AddressRule.DEFAULT_EXACTLY_ONE, row(BAD_REQUEST, 400, 1040)),
            Map.entry(AddressRule.HOME_DEFAULT_REQUIRED, row(BAD_REQUEST, 400, 1041)),
            Map.entry(AddressRule.KYC_HOME_ADDRESS, row(BAD_REQUEST, 400, 1042,
                    "KYC requires a home address that contains addressLine1 and either (city and state) or zipCode.")),
            // Seed 002 "identifyingData".
            Map.entry(IdentityRule.DATE_OF_BIRTH_REQUIRED, row(BAD_REQUEST, 400, 200)),
            Map.entry(IdentityRule.DATE_OF_BIRTH_FORMAT, row(BAD_REQUEST, 400, 700)),
            Map.entry(IdentityRule.DATE_OF_BIRTH_RANGE, row(BAD_REQUEST, 400, 701)),
            Map.entry(IdentityRule.SSN_FORMAT, row(BAD_REQUEST, 400, 702)),
            Map.entry(IdentityRule.SSN_SUFFIX_FORMAT, row(BAD_REQUEST, 400, 703)),
            Map.entry(IdentityRule.SSN_EXACTLY_ONE, row(BAD_REQUEST, 400, 704)),
            Map.entry(IdentityRule.IMMUTABLE_AFTER_KYC, row(BAD_REQUEST, 400, 705)),
            Map.entry(IdentityRule.REQUIRED_FOR_KYC, row(BAD_REQUEST, 400, 706)),
            // Seed 002 "email", "phoneNumbers".
            Map.entry(ContactRule.PHONE_DEFAULT_UNIQUE,
                    row(BAD_REQUEST, 1040, 0, "There can only be one default phone.")),
            Map.entry(ContactRule.PHONE_NUMBER_FORMAT, row(BAD_REQUEST, 400, 800)),
            Map.entry(ContactRule.PHONE_TYPE_UNKNOWN, row(BAD_REQUEST, 400, 801)),
            Map.entry(ContactRule.PHONE_TYPE_DUPLICATED, row(BAD_REQUEST, 400, 802)),
            Map.entry(ContactRule.PHONE_NOT_FOUND, row(BAD_REQUEST, 400, 803)),
            Map.entry(ContactRule.EMAIL_FORMAT, row(BAD_REQUEST, 400, 804)),
            Map.entry(ContactRule.EMAIL_PLUS_SIGN, row(BAD_REQUEST, 400, 805)),
            Map.entry(ContactRule.CERTIFIED_PHONE_MOBILE, row(BAD_REQUEST, 400, 806)),
            // Seed 002 "Active Consumer Account Limits": the seed gives no HTTP status; 400 so that no client
            // takes a declined enrollment or update for a done one.
            Map.entry(LimitRule.SSN_ACTIVE, row(BAD_REQUEST, 2, 60, "Number of Active Accounts Exceeded.")),
            Map.entry(LimitRule.SSN_LIFETIME,
                    row(BAD_REQUEST, 2, 61, "Number of Activated Accounts over Lifetime exceeded.")),
            Map.entry(LimitRule.PHONE_ACTIVE, row(BAD_REQUEST, 2, 63, "Number of Active Accounts Exceeded.")),
            Map.entry(LimitRule.PHONE_LIFETIME,
                    row(BAD_REQUEST, 2, 66, "Number of Activated Accounts over Lifetime exceeded")),
            // Seed 002 "User Updates": a locked account, HTTP 200.
            Map.entry(AccountRule.LOCKED_NOT_UPDATABLE,
                    row(OK, 5, 362, "A user profile cannot be updated for a locked account")),
            Map.entry(AccountRule.CLOSED_NOT_UPDATABLE, row(OK, 5, 364)),
            Map.entry(AccountRule.STATUS_TRANSITION, row(BAD_REQUEST, 5, 363)),
            Map.entry(AccountRule.STATUS_UNKNOWN, row(BAD_REQUEST, 400, 910)),
            // SPEC §4.2/§4.5: contactVerificationIdentifiers that prove nothing.
            Map.entry(OtpRule.VERIFICATION_USED, UsersError.CONTACT_VERIFICATION_INVALID.row()),
            Map.entry(OtpRule.VERIFICATION_EXPIRED, UsersError.CONTACT_VERIFICATION_INVALID.row()),
            Map.entry(OtpRule.VERIFICATION_OTHER_USER, UsersError.CONTACT_VERIFICATION_INVALID.row()));

    private UsersErrors() {
    }

    /** A row of the table; a {@code null} description stands for the rule's own. */
    record Row(int status, int code, int subCode, String description) {
    }

    /** What a request gets: its HTTP status and its one response detail. */
    record Refusal(int status, int code, int subCode, String description) {
    }

    /**
     * Every answer of the table, each once, by code and subCode: the rules' rows with their descriptions, and the
     * answers that are not about a rule. What {@link ResponseCodesPage} lists.
     */
    static List<Refusal> all() {
        Stream<Refusal> rules = BY_RULE.entrySet().stream().map(entry -> refusal(entry.getKey(), entry.getValue()));
        Stream<Refusal> others = Arrays.stream(UsersError.values()).map(UsersError::refusal);
        return Stream.concat(rules, others).distinct()
                .sorted(Comparator.comparingInt(Refusal::code).thenComparingInt(Refusal::subCode)).toList();
    }

    /** The row of {@code rule}, if this table has one of its own for it. */
    static Optional<Row> rowOf(Rule rule) {
        return Optional.ofNullable(BY_RULE.get(rule));
    }

    static Refusal of(Exception failure) {
        if (failure instanceof UsersApiException users) {
            return users.error().refusal();
        }
        if (failure instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (failure instanceof MalformedRequestException malformed) {
            return switch (malformed.part()) {
                case PATH -> UsersError.NOT_FOUND.refusal();
                default -> naming(UsersError.MALFORMED_REQUEST.refusal(), malformed.name());
            };
        }
        if (failure instanceof InvalidCommandException invalid) {
            return naming(UsersError.INVALID_COMMAND.refusal(), invalid.field());
        }
        if (failure instanceof NotFoundException notFound) {
            return switch (notFound.resource()) {
                case ACCOUNT -> UsersError.ACCOUNT_NOT_FOUND.refusal();
                case USER, CUSTOMER -> UsersError.USER_NOT_FOUND.refusal();
                case CONTACT_VERIFICATION -> UsersError.CONTACT_VERIFICATION_INVALID.refusal();
                default -> UsersError.NOT_FOUND.refusal();
            };
        }
        if (failure instanceof ConflictException conflict) {
            return (conflict.identifier() == ConflictException.Identifier.LOGIN_ID
                    ? UsersError.LOGIN_ID_TAKEN : UsersError.CUSTOMER_ID_TAKEN).refusal();
        }
        if (failure instanceof IdempotencyKeyReusedException) {
            return UsersError.REQUEST_ID_REUSED.refusal();
        }
        if (failure instanceof AccessTokenRejectedException) {
            return UsersError.UNAUTHORIZED.refusal();
        }
        if (failure instanceof MissingScopeException) {
            return UsersError.MISSING_SCOPE.refusal();
        }
        if (failure instanceof StoreUnavailableException) {
            return UsersError.SERVICE_UNAVAILABLE.refusal();
        }
        if (failure instanceof HttpResponseException http) {
            // Javalin's own: no route for the path or method, or a body over the size limit.
            if (http.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                return naming(UsersError.MALFORMED_REQUEST.refusal(), MalformedRequestException.WHOLE_BODY);
            }
            return http.getStatus() < 500 ? UsersError.NOT_FOUND.refusal() : UsersError.INTERNAL_ERROR.refusal();
        }
        return UsersError.INTERNAL_ERROR.refusal();
    }

    /** A rule without a row of its own (none today: {@code UsersErrorsTest} checks) is a 400/100 naming it. */
    private static Refusal ruleViolation(RuleViolation violation) {
        Rule rule = violation.rule();
        return rowOf(rule)
                .map(row -> refusal(rule, row))
                .orElseGet(() -> naming(UsersError.MALFORMED_REQUEST.refusal(),
                        violation.field() + " (" + rule.id() + ")"));
    }

    private static Refusal refusal(Rule rule, Row row) {
        return new Refusal(row.status(), row.code(), row.subCode(),
                row.description() == null ? rule.description() : row.description());
    }

    /** The description followed by the field at fault: never its value. */
    private static Refusal naming(Refusal refusal, String field) {
        return new Refusal(refusal.status(), refusal.code(), refusal.subCode(), refusal.description() + ": " + field);
    }
}
