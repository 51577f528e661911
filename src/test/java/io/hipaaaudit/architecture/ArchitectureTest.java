package io.hipaaaudit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled classes: the command line is a shell
 * around the scan pipeline, and the packages depend on each other one way.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hipaaaudit");
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.hipaaaudit.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hipaaaudit.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.hipaaaudit.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineAndTheCollectorsDoNotReachIntoThePipeline() {
        noClasses().that().resideOutsideOfPackages("io.hipaaaudit.scan..", "io.hipaaaudit.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.hipaaaudit.scan..")
                .check(classes);
    }

    @Test
    void collectionNeverCallsEvaluation() {
        noClasses().that().resideInAPackage("io.hipaaaudit.collect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hipaaaudit.engine..", "io.hipaaaudit.rules..",
                        "io.hipaaaudit.report..", "io.hipaaaudit.gate..", "io.hipaaaudit.waivers..")
                .check(classes);
    }
}
