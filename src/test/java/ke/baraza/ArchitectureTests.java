package ke.baraza;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

class ArchitectureTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("ke.baraza");

  @Test
  void repositoriesAreNotPublic() {
    classes()
        .that()
        .areAssignableTo(Repository.class)
        .should()
        .notBePublic()
        .because("a module's tables are reached through its API, never its repositories")
        .check(CLASSES);
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternals() {
    noClasses()
        .should(reachIntoAnotherModulesInternal())
        .because("modules talk through their published API and events only")
        .check(CLASSES);
  }

  @Test
  void controllersLiveInWebPackages() {
    classes()
        .that()
        .areAnnotatedWith(org.springframework.stereotype.Controller.class)
        .or()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .should()
        .resideInAPackage("ke.baraza.*.web..")
        .orShould()
        .resideInAPackage("ke.baraza.platform.internal..")
        .check(CLASSES);
  }

  private static ArchCondition<JavaClass> reachIntoAnotherModulesInternal() {
    return new ArchCondition<>("depend on another module's internal package") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = module(item.getPackageName());
        item.getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  String target = dependency.getTargetClass().getPackageName();
                  String other = module(target);
                  if (other != null
                      && !other.equals(own)
                      && target.startsWith("ke.baraza." + other + ".internal")) {
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                  }
                });
      }
    };
  }

  private static String module(String packageName) {
    if (!packageName.startsWith("ke.baraza.")) {
      return null;
    }
    String rest = packageName.substring("ke.baraza.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
