package io.contactinfo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules can fail: {@code io.contactinfo.archcanary} (test code only) breaks them on
 * purpose, the way a careless change to the product would.
 */
class ArchitectureCanaryTest {

    private static final String CANARY = "io.contactinfo.archcanary";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(CANARY);

    @Test
    void aDomainClassUsingALibraryBreaksTheDomainRule() {
        EvaluationResult result = ArchitectureRules.domainDependsOnlyOnTheJdk(CANARY).evaluate(BROKEN);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LeakyDomainValue", "com.fasterxml.jackson"));
    }

    @Test
    void anAdapterUsingAnotherAdapterBreaksTheAdapterRule() {
        EvaluationResult result = ArchitectureRules.adaptersAreIndependent(CANARY).evaluate(BROKEN);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ShortcutController", "CanaryTable"));
    }
}
