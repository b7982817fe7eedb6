package io.contactinfo.application.port.in;

import java.util.Objects;

/** What became of one command of {@link EnrollEachUseCase#enrollEach}: enrolled, or refused and left without a trace. */
public sealed interface EnrollOutcome {

    record Enrolled(EnrollResult result) implements EnrollOutcome {

        public Enrolled {
            Objects.requireNonNull(result, "result");
        }
    }

    /** @param refusal what {@link EnrollUseCase#enroll} would have thrown for the command alone */
    record Refused(RuntimeException refusal) implements EnrollOutcome {

        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
