package org.dmmigrate;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package arrows of docs/architecture.md, checked on the compiled main code. */
class ArchitectureTest {

    private static final String ROOT = "org.dmmigrate";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        layer("model").mayOnlyUse("model").check(classes);
    }

    @Test
    void protocolUsesOnlyTheModel() {
        layer("protocol").mayOnlyUse("protocol", "model").check(classes);
    }

    @Test
    void httpClientUsesOnlyProtocolAndModel() {
        layer("protocol.http").mayOnlyUse("protocol.http", "protocol", "model").check(classes);
    }

    @Test
    void targetKnowsNothingOfMedia() {
        layer("target").mayOnlyUse("target").check(classes);
    }

    @Test
    void targetImplementationsUseOnlyTheTargetPackage() {
        layer("target.folder").mayOnlyUse("target.folder", "target").check(classes);
        layer("target.s3").mayOnlyUse("target.s3", "target").check(classes);
    }

    @Test
    void engineSeesInterfacesNeverImplementations() {
        layer("engine").mayOnlyUse("engine", "protocol", "target", "model").check(classes);
    }

    @Test
    void emulatorIsIndependentOfTheClient() {
        layer("emulator").mayOnlyUse("emulator", "model").check(classes);
    }

    @Test
    void noOtherPackageUsesTheCli() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..");
        rule.check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCliUsesPicocliAndTheLoggingBackend() {
        onlyIn("picocli..", "cli");
        onlyIn("ch.qos.logback..", "cli");
    }

    @Test
    void onlyTheEmulatorAndTheCliUseTheHttpServer() {
        onlyIn("org.eclipse.jetty..", "emulator", "cli");
    }

    @Test
    void onlyTheS3TargetAndTheCliUseTheAwsSdk() {
        onlyIn("software.amazon..", "target.s3", "cli");
    }

    @Test
    void domainAndStorageLayersStayFreeOfJson() {
        onlyIn("com.fasterxml..", "protocol.http", "engine", "emulator", "cli");
    }

    private static void onlyIn(String library, String... users) {
        String[] packages = new String[users.length];
        for (int i = 0; i < users.length; i++) {
            packages[i] = ROOT + "." + users[i] + "..";
        }
        noClasses().that().resideOutsideOfPackages(packages)
                .should().dependOnClassesThat().resideInAPackage(library)
                .allowEmptyShould(true)
                .check(classes);
    }

    private static Layer layer(String name) {
        return new Layer(name);
    }

    /** A package of ours and the only packages of ours it may use (outside ones are free). */
    private record Layer(String name) {

        ArchRule mayOnlyUse(String... allowed) {
            return noClasses().that().resideInAPackage(ROOT + "." + name)
                    .should().dependOnClassesThat(
                            DescribedPredicate.describe(
                                    "ours but outside " + String.join(", ", allowed),
                                    javaClass -> javaClass.getPackageName().startsWith(ROOT)
                                            && !isAllowed(javaClass.getPackageName(), allowed)))
                    .allowEmptyShould(true);
        }

        private static boolean isAllowed(String packageName, String[] allowed) {
            for (String a : allowed) {
                if (packageName.equals(ROOT + "." + a)) {
                    return true;
                }
            }
            return false;
        }
    }
}
