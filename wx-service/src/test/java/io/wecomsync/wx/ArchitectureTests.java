package io.wecomsync.wx;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules the package-info files state, checked, so a change cannot quietly break them. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wecomsync.wx");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.wecomsync.wx.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theInboxKnowsNoFeature() {
        noClasses().that().resideInAPackage("io.wecomsync.wx.inbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wecomsync.wx.contact..", "io.wecomsync.wx.reconcile..",
                        "io.wecomsync.wx.mdm..", "io.wecomsync.wx.callback..", "io.wecomsync.wx.ipwhitelist..")
                .check(CLASSES);
    }

    @Test
    void theCallbackPathCallsNeitherMdmServiceNorWeCom() {
        noClasses().that().resideInAPackage("io.wecomsync.wx.callback..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wecomsync.wx.mdm..", "io.wecomsync.wx.contact..",
                        "io.wecomsync.wx.reconcile..", "feign..", "org.redisson..")
                .check(CLASSES);
    }

    @Test
    void theChangeVocabularyDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("io.wecomsync.wx.change..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.wecomsync.wx.change..", "java..")
                .check(CLASSES);
    }
}
