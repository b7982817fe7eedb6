package io.contactinfo.application.service;

import io.contactinfo.application.port.in.IdempotencyKeyReusedException;
import io.contactinfo.application.port.in.IdempotentRequest;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a request once per idempotency key, in one unit of work with the storing of its outcome.
 *
 * <p>The unit of work first {@linkplain IdempotencyStore#lock locks the key}, so twins — on one server or on several
 * sharing the database — queue behind it; each then finds the stored outcome and replays it. The work's own unit of
 * work joins this one, so a success and its stored outcome commit together: a crash in between leaves neither.
 *
 * <p>A refusal rolls the work back with the unit of work, and is stored in a second one that locks the key again.
 * A twin that took the lock in between does the work too, and is refused alike: nothing is changed twice.
 */
public final class RunIdempotentRequestService implements RunIdempotentRequestUseCase {

    private final IdempotencyStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RunIdempotentRequestService(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result run(IdempotentRequest request, Work work) {
        try {
            return keep(request, work::run);
        } catch (IdempotencyKeyReusedException reused) {
            throw reused;
        } catch (RuntimeException failure) {
            String refusal = work.refused(failure).orElseThrow(() -> failure);
            return keep(request, () -> {
                // The work's unit of work was part of the one undone above, an account limit's record with it.
                AccountLimits.Refused.recordIfOne(failure);
                return refusal;
            });
        }
    }

    /** Replays the key's outcome, or stores and answers the one {@code outcome} gives, in one unit of work. */
    private Result keep(IdempotentRequest request, Supplier<String> outcome) {
        InstitutionId institution = request.caller().institutionId();
        UUID key = request.key();
        return unitOfWork.transactionally(() -> {
            store.lock(institution, key);
            Optional<IdempotencyStore.Entry> stored = store.find(institution, key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(request.fingerprint())) {
                    throw new IdempotencyKeyReusedException();
                }
                return new Result(stored.get().outcome(), true);
            }
            String answer = outcome.get();
            store.add(new IdempotencyStore.Entry(institution, key, request.fingerprint(), answer, clock.instant()));
            return new Result(answer, false);
        });
    }
}
