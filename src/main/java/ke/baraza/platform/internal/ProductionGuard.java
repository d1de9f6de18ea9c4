package ke.baraza.platform.internal;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The production profile refuses the embedded H2 database unless the operator says this is a small
 * single-node install ({@code BARAZA_SINGLE_NODE=true}). Checked before any bean, and so before any
 * migration, is created.
 */
@Configuration(proxyBeanMethods = false)
class ProductionGuard {

  @Bean
  static BeanFactoryPostProcessor refuseEmbeddedDatabaseInProduction() {
    return new Check();
  }

  static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      check(environment);
    }

    static void check(Environment environment) {
      boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
      String url = environment.getProperty("spring.datasource.url", "");
      boolean singleNode = environment.getProperty("baraza.single-node", Boolean.class, false);
      if (production && url.startsWith("jdbc:h2:") && !singleNode) {
        throw new IllegalStateException(
            "The prod profile needs PostgreSQL (set BARAZA_DB_URL). To run a small single-node"
                + " install on the embedded H2 database, set BARAZA_SINGLE_NODE=true.");
      }
    }
  }
}
