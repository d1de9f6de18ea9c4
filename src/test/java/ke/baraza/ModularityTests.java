package ke.baraza;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(BarazaApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void modulesAreTheOnesOfTheDesign() {
    org.assertj.core.api.Assertions.assertThat(
            MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("platform", "accounts", "geography", "shared");
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
