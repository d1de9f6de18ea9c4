package ke.baraza.directory.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * and a new index (a first start, a new mapping version) is empty. So at start-up the index is
 * rebuilt from the database when it holds another number of organisations than the table, another
 * number of organisations with an active membership of a network ({@link SearchIndexNetworks}), or
 * misses the latest change; {@code --baraza.search.reindex=true} rebuilds it in any case.
 *
 * <p>The check and any rebuild run on a thread of their own once the application has started, so
 * that the rest of the application (and liveness) does not wait for them; until they are done the
 * readiness group reports the search index {@code OUT_OF_SERVICE} ({@link
 * SearchIndexHealthIndicator}), and if they fail, {@code DOWN}: a load balancer keeps traffic away
 * rather than let searches answer from a stale index. See docs/decisions.md.
 */
@Component
public class SearchIndexStartup implements ApplicationRunner, DisposableBean {

  /** Where the start-up check stands. */
  public enum State {
    /** Not checked yet, or checking, or rebuilding. */
    PENDING,
    /** In step with the database (as of the check, then kept so by every JPA write). */
    READY,
    /** The check or the rebuild failed: see the log. */
    FAILED
  }

  private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);

  private final EntityManagerFactory entityManagerFactory;
  private final EntityManager entityManager;
  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;
  private final boolean force;
  private final Lock lock = new ReentrantLock();
  private volatile State state = State.PENDING;
  private volatile Thread worker;
  private final AtomicLong checks = new AtomicLong();

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
  public void run(ApplicationArguments args) {
    checkInBackground();
  }

  /**
   * Checks the index against the database on a thread of its own, and rebuilds it if it is out of
   * date (or in any case with {@code baraza.search.reindex}). {@link #state()} is {@code PENDING}
   * from this call until that is done.
   */
  public void checkInBackground() {
    long check = checks.incrementAndGet();
    state = State.PENDING;
    worker =
        Thread.ofPlatform()
            .name("search-index-startup")
            .daemon()
            .start(
                () -> {
                  try {
                    if (force) {
                      rebuild();
                    } else {
                      rebuildIfOutOfDate();
                    }
                    if (checks.get() == check) { // not while a later check waits its turn
                      state = State.READY;
                    }
                  } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    log.info("Search index check stopped: the application is stopping");
                  } catch (RuntimeException e) {
                    state = State.FAILED;
                    log.error("Could not bring the directory's search index in step", e);
                  }
                });
  }

  /** Whether the start-up check (or the latest {@link #checkInBackground()}) is done. */
  public State state() {
    return state;
  }

  @Override
  public void destroy() throws InterruptedException {
    Thread running = worker;
    if (running != null && running.isAlive()) {
      running.interrupt();
      running.join(Duration.ofSeconds(10));
    }
  }

  /**
   * Rebuilds the index when it is out of date: another count than the table, another count of
   * organisations in networks, or a row changed later than anything indexed. Blocks until done (and
   * first until a check already running is done); meanwhile searches find only what is indexed so
   * far.
   *
   * @return whether it rebuilt
   */
  public boolean rebuildIfOutOfDate() throws InterruptedException {
    // one check or rebuild at a time: a caller waits for the one running, then checks afresh
    lock.lockInterruptibly();
    try {
      Boolean stale = readOnly.execute(status -> outOfDate());
      if (Boolean.TRUE.equals(stale)) {
        rebuild();
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
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
    lock.lockInterruptibly();
    try {
      massIndex();
    } finally {
      lock.unlock();
    }
  }

  private void massIndex() throws InterruptedException {
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
