package ke.baraza.platform.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTests {

  @Test
  void productionRefusesH2UnlessTheOperatorSaysSingleNode() {
    MockEnvironment env =
        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/baraza");
    env.setActiveProfiles("prod");
    assertThatThrownBy(() -> ProductionGuard.Check.check(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BARAZA_SINGLE_NODE");
    env.setProperty("baraza.single-node", "true");
    assertThatCode(() -> ProductionGuard.Check.check(env)).doesNotThrowAnyException();
  }

  @Test
  void productionOnPostgresqlAndDevelopmentOnH2AreFine() {
    MockEnvironment prod =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/baraza");
    prod.setActiveProfiles("prod");
    assertThatCode(() -> ProductionGuard.Check.check(prod)).doesNotThrowAnyException();
    MockEnvironment dev =
        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/baraza");
    assertThatCode(() -> ProductionGuard.Check.check(dev)).doesNotThrowAnyException();
  }
}
