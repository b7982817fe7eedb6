package io.contactinfo.application.port.in;

import java.util.List;

/**
 * Enrolls many customers at once, for a file of them ({@code contact-info import}): each as {@link #enroll} would,
 * committed together, since committing once per customer would be most of the cost.
 */
public interface EnrollEachUseCase extends EnrollUseCase {

    /**
     * Enrolls each command as {@link #enroll} would, in order, and commits them together: a command refused for any
     * reason {@link #enroll} documents leaves nothing behind, and the others go on.
     *
     * @return each command's outcome, in the commands' order
     * @throws RuntimeException any other failure (the database's, say): then none of the commands is enrolled
     */
    List<EnrollOutcome> enrollEach(List<EnrollCommand> commands);
}
