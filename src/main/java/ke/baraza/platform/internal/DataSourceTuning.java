package ke.baraza.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Driver settings that only PostgreSQL's driver knows (H2 refuses settings it does not know, so
 * they cannot go into the shared properties): JDBC batches of inserts are sent as multi-row
 * inserts, which makes a 100,000-row list import one round trip per thousand rows instead of one
 * per row. Statements' update counts of such batches are not reported row by row; no code reads
 * them.
 */
@Component
class DataSourceTuning implements BeanPostProcessor {

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari
        && hikari.getJdbcUrl() != null
        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
        && !hikari.getDataSourceProperties().containsKey("reWriteBatchedInserts")
        && !hikari.getJdbcUrl().contains("reWriteBatchedInserts")) {
      hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return bean;
  }
}
