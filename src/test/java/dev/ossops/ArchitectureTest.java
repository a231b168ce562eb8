package dev.ossops;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the dependency directions that docs/architecture.md describes true. Every rule must select classes: a rule
 * about a package that was renamed or emptied fails (ArchUnit's default) instead of passing over nothing.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ossops");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void onlyCloudTouchesTheCloudSdks() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("dev.ossops.cloud..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.aliyun..", "com.aliyuncs.."));
    }

    @Test
    void pureCoreDependsOnNoOtherLayer() {
        check(noClasses()
                .that()
                .resideInAnyPackage("dev.ossops.spec..", "dev.ossops.policy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.cli..",
                        "dev.ossops.cloud..",
                        "dev.ossops.plan..",
                        "dev.ossops.apply..",
                        "dev.ossops.audit..",
                        "dev.ossops.upload..",
                        "dev.ossops.emulator.."));
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.spec..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ossops.policy.."));
    }

    @Test
    void planIsPure() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.plan..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.cli..",
                        "dev.ossops.cloud..",
                        "dev.ossops.apply..",
                        "dev.ossops.audit..",
                        "dev.ossops.upload..",
                        "dev.ossops.emulator.."));
    }

    @Test
    void auditChecksAreIndependentOfApplyUploadAndEmulator() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.cli..", "dev.ossops.apply..", "dev.ossops.upload..", "dev.ossops.emulator.."));
    }

    @Test
    void emulatorStandsAloneExceptForThePolicyEvaluator() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.emulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.cli..",
                        "dev.ossops.cloud..",
                        "dev.ossops.plan..",
                        "dev.ossops.apply..",
                        "dev.ossops.audit..",
                        "dev.ossops.upload..",
                        "dev.ossops.spec.."));
    }

    @Test
    void sharedIsALeaf() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.cli..",
                        "dev.ossops.cloud..",
                        "dev.ossops.spec..",
                        "dev.ossops.policy..",
                        "dev.ossops.plan..",
                        "dev.ossops.apply..",
                        "dev.ossops.audit..",
                        "dev.ossops.upload..",
                        "dev.ossops.emulator..",
                        "dev.ossops.serve..",
                        "dev.ossops.checksum.."));
    }

    @Test
    void checksumsStandAlone() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.checksum..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.cli..",
                        "dev.ossops.cloud..",
                        "dev.ossops.spec..",
                        "dev.ossops.policy..",
                        "dev.ossops.plan..",
                        "dev.ossops.apply..",
                        "dev.ossops.audit..",
                        "dev.ossops.upload..",
                        "dev.ossops.emulator.."));
    }

    @Test
    void serveSitsAboveUploadAndCloudWithoutTheEmulator() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.serve..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ossops.emulator..",
                        "dev.ossops.cli..",
                        "dev.ossops.apply..",
                        "dev.ossops.audit..",
                        "dev.ossops.plan.."));
        check(noClasses()
                .that()
                .resideOutsideOfPackages("dev.ossops.serve..", "dev.ossops.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ossops.serve.."));
        check(noClasses()
                .that()
                .resideOutsideOfPackage("dev.ossops.serve..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jetty.."));
    }

    @Test
    void commonIsALeafThatEveryPackageMayUse() {
        // No rule names common as a forbidden target; it depends only on itself and the JDK.
        check(classes()
                .that()
                .resideInAPackage("dev.ossops.common..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ossops.common..", "java..", "javax.crypto.."));
    }

    @Test
    void nothingDependsOnTheCli() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("dev.ossops.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ossops.cli.."));
    }

    @Test
    void applyAndUploadDoNotDependOnEachOtherOrOnAudit() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.apply..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ossops.upload..", "dev.ossops.audit..", "dev.ossops.emulator.."));
        check(noClasses()
                .that()
                .resideInAPackage("dev.ossops.upload..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ossops.apply..", "dev.ossops.audit..", "dev.ossops.emulator.."));
    }
}
