package io.contactinfo.adapter.rest.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.AddressRule;
import io.contactinfo.domain.user.InstitutionCustomerId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A bulk-load row is read as the enrollment body it is spelled like. */
class EnrollmentDocumentTest {

    private static final CallerContext CALLER = new CallerContext(new InstitutionId("bank-a"), Optional.empty(),
            "contact-info-cli", "operator", Set.of(Scope.INSTITUTION_USERS_WRITE), "import:1");
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

    private static EnrollCommand read(String json) {
        return EnrollmentDocument.toCommand(json.getBytes(StandardCharsets.UTF_8), CALLER, TODAY);
    }

    @Test
    void anEnrollmentBodyWithPlainUserDataIsTheCallersEnrollment() {
        EnrollCommand command = read("""
                {"institutionCustomerId":"c-1","status":"pending","userData":{"profileData":{"firstName":"Ada",
                 "lastName":"Lovelace","addresses":[{"addressLine1":"1234 E Foothill Blvd","city":"Pasadena",
                 "state":"CA","zipCode":"91107","type":"home","isDefault":true}]}}}""");

        assertThat(command.caller()).isEqualTo(CALLER);
        assertThat(command.customerId()).contains(new InstitutionCustomerId("c-1"));
        assertThat(command.initialStatus()).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        assertThatThrownBy(() -> read("{\"userData\":{\"phoneNumbers\":\"2125550147\"}}"))
                .isInstanceOfSatisfying(MalformedRequestException.class,
                        e -> assertThat(e.name()).isEqualTo("userData.phoneNumbers"));
    }

    @Test
    void textThatIsNoJsonObjectIsMalformedAsAWhole() {
        assertThatThrownBy(() -> read("Ada,Lovelace"))
                .isInstanceOfSatisfying(MalformedRequestException.class,
                        e -> assertThat(e.name()).isEqualTo(MalformedRequestException.WHOLE_BODY));
    }

    @Test
    void encryptedUserDataIsNotRead() {
        assertThatThrownBy(() -> read("{\"encryptedUserData\":{\"encryptedData\":\"x\"}}"))
                .isInstanceOfSatisfying(MalformedRequestException.class,
                        e -> assertThat(e.name()).isEqualTo("encryptedUserData"));
    }

    @Test
    void aValueBreakingARuleIsRefusedByThatRule() {
        assertThatThrownBy(() -> read("""
                {"userData":{"profileData":{"addresses":[{"addressLine1":"1234 E Foothill Blvd","zipCode":"9110",
                 "type":"home","isDefault":true}]}}}"""))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(AddressRule.ZIP_CODE_FORMAT));
    }
}
