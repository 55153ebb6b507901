package lab.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's promises, checked on the compiled classes of every module: no package depends on
 * itself through others, and the modules' one-way order (lab-core, then mlp-scratch and
 * mnist-cnn, then lab-cli) holds.
 */
class PackageDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("lab");
    }

    @Test
    void noPackageCycles() {
        slices().matching("lab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void labCoreUsesNoModule() {
        noClasses().that().resideInAPackage("lab.core..").should().dependOnClassesThat()
                .resideInAnyPackage("lab.mlp..", "lab.cnn..", "lab.cli..").check(classes);
    }

    @Test
    void theTwoHalvesAreIndependent() {
        noClasses().that().resideInAPackage("lab.mlp..").should().dependOnClassesThat()
                .resideInAnyPackage("lab.cnn..", "lab.cli..").check(classes);
        noClasses().that().resideInAPackage("lab.cnn..").should().dependOnClassesThat()
                .resideInAnyPackage("lab.mlp..", "lab.cli..").check(classes);
    }
}
