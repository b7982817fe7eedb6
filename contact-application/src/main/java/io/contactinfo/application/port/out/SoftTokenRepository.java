package io.contactinfo.application.port.out;

import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.user.UserId;
import java.util.Optional;

/** Each user's one soft token, per institution. */
public interface SoftTokenRepository {

    Optional<SoftToken> find(InstitutionId institutionId, UserId userId);

    /** Stores the token, replacing the user's previous one. */
    void save(InstitutionId institutionId, SoftToken token);
}
