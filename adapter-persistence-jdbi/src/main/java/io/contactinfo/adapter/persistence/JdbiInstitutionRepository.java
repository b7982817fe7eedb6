package io.contactinfo.adapter.persistence;

import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The institutions' settings, in the table {@code institution}. An institution without a row has the seed's
 * defaults.
 */
public final class JdbiInstitutionRepository implements InstitutionRepository {

    private static final String FIND = """
            SELECT ssn_active, ssn_lifetime, phone_active, phone_lifetime FROM institution WHERE id = :id
            """;
    private static final String UPDATE = """
            UPDATE institution
               SET ssn_active = :ssnActive, ssn_lifetime = :ssnLifetime, phone_active = :phoneActive,
                   phone_lifetime = :phoneLifetime
             WHERE id = :id
            """;
    private static final String INSERT = """
            INSERT INTO institution (id, ssn_active, ssn_lifetime, phone_active, phone_lifetime)
            VALUES (:id, :ssnActive, :ssnLifetime, :phoneActive, :phoneLifetime)
            """;

    private final Jdbi jdbi;

    public JdbiInstitutionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Institution get(InstitutionId institutionId) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND)
                .bind("id", institutionId.value())
                .map((rs, ctx) -> new Institution(institutionId, new LimitSettings(rs.getInt("ssn_active"),
                        rs.getInt("ssn_lifetime"), rs.getInt("phone_active"), rs.getInt("phone_lifetime"))))
                .findOne()
                .orElseGet(() -> Institution.withDefaultLimits(institutionId)));
    }

    /** Gives an institution its own settings, replacing those it had; for operators and start-up configuration. */
    public void configure(Institution institution) {
        LimitSettings limits = institution.limits();
        jdbi.useTransaction(handle -> Sql.upsert(handle, UPDATE, INSERT, statement -> statement
                .bind("id", institution.id().value())
                .bind("ssnActive", limits.ssnActive())
                .bind("ssnLifetime", limits.ssnLifetime())
                .bind("phoneActive", limits.phoneActive())
                .bind("phoneLifetime", limits.phoneLifetime())));
    }
}
