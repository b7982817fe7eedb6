package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.DeviceBinding;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SoftTokenRepository} does; extend it once per implementation. */
public abstract class SoftTokenRepositoryContract {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456Z");

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());
    private final UserId jane = UserId.random();

    /** The implementation under test. */
    protected abstract SoftTokenRepository softTokenRepository();

    @Test
    void givenAUserWithoutAToken_find_isEmpty() {
        assertThat(softTokenRepository().find(bankA, jane)).isEmpty();
    }

    @Test
    void givenAPreAssignedToken_save_thenFindReturnsIt() {
        SoftToken token = SoftToken.preAssign(jane, NOW);

        softTokenRepository().save(bankA, token);

        assertThat(softTokenRepository().find(bankA, jane)).hasValueSatisfying(found -> assertSameToken(found, token));
        assertThat(softTokenRepository().find(bankB, jane)).isEmpty();
        assertThat(softTokenRepository().find(bankA, UserId.random())).isEmpty();
    }

    @Test
    void givenATokenSavedAgain_find_returnsTheLastOneWithItsPreviousStatusAndBinding() {
        softTokenRepository().save(bankA, SoftToken.preAssign(jane, NOW));
        SoftToken active = SoftToken.preAssign(jane, NOW)
                .changeStatus(SoftTokenStatus.ACTIVE, NOW.plusSeconds(1))
                .bind(new DeviceBinding("device-42", NOW.plusSeconds(2)));

        softTokenRepository().save(bankA, active);

        assertThat(softTokenRepository().find(bankA, jane)).hasValueSatisfying(found -> assertSameToken(found, active));
    }

    @Test
    void givenTokensOfTheSameUserIdInTwoInstitutions_find_returnsEachItsOwn() {
        SoftToken atA = SoftToken.preAssign(jane, NOW);
        SoftToken atB = SoftToken.preAssign(jane, NOW).changeStatus(SoftTokenStatus.REVOKED, NOW.plusSeconds(5));

        softTokenRepository().save(bankA, atA);
        softTokenRepository().save(bankB, atB);

        assertThat(softTokenRepository().find(bankA, jane)).hasValueSatisfying(found -> assertSameToken(found, atA));
        assertThat(softTokenRepository().find(bankB, jane)).hasValueSatisfying(found -> assertSameToken(found, atB));
    }

    /** SoftToken has no equals; a repository must give back all of its state. */
    protected static void assertSameToken(SoftToken actual, SoftToken expected) {
        assertThat(actual.userId()).isEqualTo(expected.userId());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.previousStatus()).isEqualTo(expected.previousStatus());
        assertThat(actual.deviceBinding()).isEqualTo(expected.deviceBinding());
        assertThat(actual.statusChangedAt()).isEqualTo(expected.statusChangedAt());
    }
}
