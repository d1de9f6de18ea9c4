package ke.baraza.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the selects an action makes, by H2's query statistics, so that a test can show a page's
 * queries do not grow with its rows. H2 only: tests that use it assume the H2 run, and switch the
 * statistics on ({@code set query_statistics true}) around the actions they count.
 */
public final class Selects {

  private Selects() {}

  /** The selects {@code action} made. */
  public static long count(JdbcClient jdbc, Runnable action) {
    // random_uuid() keeps H2 from answering the second time from its cache of the last result
    String sum =
        "select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
            + " where lower(sql_statement) like 'select%'"
            + " and sql_statement not like '%query_statistics%' and random_uuid() is not null";
    long before = jdbc.sql(sum).query(Long.class).single();
    action.run();
    return jdbc.sql(sum).query(Long.class).single() - before;
  }
}
