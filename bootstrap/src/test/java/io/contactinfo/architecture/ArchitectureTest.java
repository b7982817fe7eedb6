package io.contactinfo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The product obeys every boundary. Each rule fails when it matches no class at all
 * (ArchUnit's default), so a renamed package cannot make a rule pass vacuously.
 */
class ArchitectureTest {

    private static final String ROOT = "io.contactinfo";
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Another module's test-jar (contact-application's in-memory ports) is tests too, not product.
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages(ROOT);

    @Test
    void domainDependsOnlyOnTheJdk() {
        ArchitectureRules.domainDependsOnlyOnTheJdk(ROOT).check(PRODUCT);
    }

    @Test
    void applicationDependsOnlyOnDomainAndValidation() {
        ArchitectureRules.applicationDependsOnlyOnDomainAndValidation(ROOT).check(PRODUCT);
    }

    @Test
    void adaptersAreIndependent() {
        ArchitectureRules.adaptersAreIndependent(ROOT).check(PRODUCT);
    }

    @Test
    void adaptersUsePortsNotServices() {
        ArchitectureRules.adaptersUsePortsNotServices(ROOT).check(PRODUCT);
    }

    @Test
    void onlyBootstrapKnowsBootstrap() {
        ArchitectureRules.onlyBootstrapKnowsBootstrap(ROOT).check(PRODUCT);
    }

    @Test
    void domainPackagesAreFreeOfCycles() {
        ArchitectureRules.domainPackagesAreFreeOfCycles(ROOT).check(PRODUCT);
    }
}
