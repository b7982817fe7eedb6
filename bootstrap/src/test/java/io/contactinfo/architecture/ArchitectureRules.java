package io.contactinfo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of SPEC §2 and STYLE.md as ArchUnit rules over a root package, so the same
 * rules run against the product ({@code io.contactinfo}) and against the canary that proves
 * they can fail.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain is framework-free: the JDK's {@code java..} packages and itself, nothing else. */
    static ArchRule domainDependsOnlyOnTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("the domain depends only on java.. and itself");
    }

    /** The application knows the domain and Jakarta Validation, not Javalin, JDBI, H2, nimbus or Jackson. */
    static ArchRule applicationDependsOnlyOnDomainAndValidation(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "jakarta.validation..", root + ".domain..", root + ".application..")
                .as("the application depends only on java.., jakarta.validation.., the domain and itself");
    }

    /** Each adapter has one job; adapters never use one another. */
    static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapter.(*)..")
                .should().notDependOnEachOther()
                .as("adapters never depend on each other");
    }

    /** Adapters reach the core through its ports, never through the use cases' implementations. */
    static ArchRule adaptersUsePortsNotServices(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .as("adapters depend on ports, not on application.service");
    }

    /** Only the composition root knows every module. */
    static ArchRule onlyBootstrapKnowsBootstrap(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("nothing but bootstrap depends on bootstrap");
    }

    /** A reader finds a rule by its noun; the noun packages must not lean on each other in a circle. */
    static ArchRule domainPackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".domain.(*)..")
                .should().beFreeOfCycles()
                .as("domain packages are free of cycles");
    }
}
