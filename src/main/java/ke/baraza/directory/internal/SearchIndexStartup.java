package ke.baraza.directory.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with the organisation table across restarts. Writes through JPA
 * are indexed as they commit; rows written by SQL (a migration, a restore, another tool) are not,
 * and a new index (a first start, a new mapping version) is empty. So at start-up, before the
 * application reports itself ready, the index is rebuilt from the database when it holds another
 * number of organisations than the table, another number of organisations with an active membership
 * of a network ({@link SearchIndexNetworks}), or misses the latest change; {@code
 * --baraza.search.reindex=true} rebuilds it in any case.
 */
@Component
public class SearchIndexStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);

  private final EntityManagerFactory entityManagerFactory;
  private final EntityManager entityManager;
  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;
  private final boolean force;

  SearchIndexStartup(
      EntityManagerFactory entityManagerFactory,
      EntityManager entityManager,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      @Value("${baraza.search.reindex:false}") boolean force) {
    this.entityManagerFactory = entityManagerFactory;
    this.entityManager = entityManager;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.force = force;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    if (force) {
      rebuild();
    } else {
      rebuildIfOutOfDate();
    }
  }

  /**
   * Rebuilds the index when it is out of date: another count than the table, another count of
   * organisations in networks, or a row changed later than anything indexed. Blocks until done;
   * meanwhile searches find only what is indexed so far.
   *
   * @return whether it rebuilt
   */
  public boolean rebuildIfOutOfDate() throws InterruptedException {
    Boolean stale = readOnly.execute(status -> outOfDate());
    if (Boolean.TRUE.equals(stale)) {
      rebuild();
      return true;
    }
    return false;
  }

  private boolean outOfDate() {
    SearchSession search = Search.session(entityManager);
    long documents =
        search.search(Organisation.class).where(f -> f.matchAll()).fetchTotalHitCount();
    long rows = jdbc.sql("select count(*) from organisation").query(Long.class).single();
    if (documents != rows) {
      return true;
    }
    // memberships written by SQL, or an index from before networks were indexed
    long members =
        jdbc.sql("select count(distinct organisation_id) from membership where status = 'ACTIVE'")
            .query(Long.class)
            .single();
    long documentsWithNetworks =
        search
            .search(Organisation.class)
            .where(f -> f.exists().field(SearchIndexNetworks.FIELD))
            .fetchTotalHitCount();
    if (members != documentsWithNetworks) {
      return true;
    }
    if (rows == 0) {
      return false;
    }
    OffsetDateTime newestRow =
        jdbc.sql("select max(updated_at) from organisation").query(OffsetDateTime.class).single();
    List<Instant> newestDocument =
        search
            .search(Organisation.class)
            .select(f -> f.field("updatedAt", Instant.class))
            .where(f -> f.matchAll())
            .sort(f -> f.field("updatedAt").desc())
            .fetchHits(1);
    // the index keeps milliseconds, the database microseconds
    return newestDocument.isEmpty()
        || newestRow.toInstant().isAfter(newestDocument.getFirst().plus(Duration.ofMillis(1)));
  }

  private void rebuild() throws InterruptedException {
    long start = System.nanoTime();
    log.info("Building the directory's search index from the database");
    try (SearchIndexNetworks.Rebuild networks = SearchIndexNetworks.rebuild(jdbc)) {
      Search.mapping(entityManagerFactory)
          .scope(Organisation.class)
          .massIndexer()
          .threadsToLoadObjects(2)
          .batchSizeToLoadObjects(100)
          .environment(networks)
          .startAndWait();
    }
    log.info(
        "Built the directory's search index in {} s", (System.nanoTime() - start) / 1_000_000_000);
  }
}
