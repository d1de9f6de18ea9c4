package ke.baraza.disclosures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Disclosures never leave their module: no other module uses any of its classes. */
class DisclosuresBoundaryTests {

  @Test
  void noOtherModuleDependsOnTheDisclosuresModule() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ke.baraza");
    noClasses()
        .that()
        .resideOutsideOfPackage("ke.baraza.disclosures..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ke.baraza.disclosures..")
        .because("whistleblowers' disclosures never leave their module (W7, DESIGN.md)")
        .check(classes);
  }
}
