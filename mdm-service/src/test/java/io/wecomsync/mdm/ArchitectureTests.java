package io.wecomsync.mdm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules the package-info files state, checked, so a change cannot quietly break them. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wecomsync.mdm");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.wecomsync.mdm.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theOutboxKnowsNeitherUsersNorItsTargets() {
        noClasses().that().resideInAPackage("io.wecomsync.mdm.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wecomsync.mdm.user..", "io.wecomsync.mdm.crm..")
                .check(CLASSES);
    }
}
