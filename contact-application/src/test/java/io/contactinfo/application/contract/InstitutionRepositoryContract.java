package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link InstitutionRepository} does; extend it once per implementation. */
public abstract class InstitutionRepositoryContract {

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());

    /** The implementation under test. */
    protected abstract InstitutionRepository institutionRepository();

    /** Gives an institution its own settings, as an operator would, in the implementation under test. */
    protected abstract void configure(Institution institution);

    @Test
    void givenAnInstitutionNeverConfigured_get_hasTheSeedsLimits() {
        assertThat(institutionRepository().get(bankA)).isEqualTo(Institution.withDefaultLimits(bankA));
    }

    @Test
    void givenAConfiguredInstitution_get_hasItsLimits() {
        Institution configured = new Institution(bankA, new LimitSettings(2, 4, 3, 12));

        configure(configured);

        assertThat(institutionRepository().get(bankA)).isEqualTo(configured);
        assertThat(institutionRepository().get(bankB)).isEqualTo(Institution.withDefaultLimits(bankB));
    }

    @Test
    void givenAnInstitutionConfiguredTwice_get_hasTheLastLimits() {
        configure(new Institution(bankA, new LimitSettings(2, 4, 3, 12)));
        Institution last = new Institution(bankA, new LimitSettings(1, 1, 1, 1));

        configure(last);

        assertThat(institutionRepository().get(bankA)).isEqualTo(last);
    }
}
