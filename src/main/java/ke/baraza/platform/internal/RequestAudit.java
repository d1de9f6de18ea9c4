package ke.baraza.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's record of each HTTP write (method, path pattern, actor, status), written in
 * batches by one writer thread: the requests put their rows in a bounded queue, and every {@code
 * baraza.audit.request-batch-interval} (150 ms), or as soon as {@value #BATCH} rows wait, the
 * writer inserts all waiting rows in one transaction. A request thus never waits for a commit of
 * its own audit row, and many requests share one commit.
 *
 * <p>The guarantee this gives: a row is durable a batch interval or so after its request answered,
 * not before. A crash of the process (kill -9, power) can lose the rows of the last interval, at
 * most the queue's {@value #CAPACITY}; an orderly shutdown writes every row (the writer stops after
 * the web server). When the queue is full, or the writer is not running, a request writes its own
 * row before it returns, so load never drops rows. When the database refuses a batch, the writer
 * keeps the rows (up to {@value #CAPACITY}) and tries again on its next round, logging the failure.
 * Readers that need every row so far call {@link #flush()}.
 */
@Component
class RequestAudit implements SmartLifecycle {

  static final int CAPACITY = 10_000;
  static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);
  private static final String INSERT =
      "insert into audit_event (occurred_at, actor, action, target, county_code, outcome)"
          + " values (?, ?, ?, null, null, ?)";

  private record Row(Instant at, String actor, String action, String outcome) {}

  private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final List<Row> unwritten = new ArrayList<>();
  private final Object writing = new Object();
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final long intervalNanos;
  private volatile Thread writer;
  private volatile boolean running;

  RequestAudit(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${baraza.audit.request-batch-interval:150ms}") Duration interval) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.intervalNanos = interval.toNanos();
  }

  /** Queues the record of one HTTP write; writes it at once when the queue cannot take it. */
  void record(String actor, String action, int status) {
    Row row =
        new Row(
            clock.instant(),
            AuditEvent.truncate(actor, 16),
            AuditEvent.truncate(action, 160),
            Integer.toString(status));
    if (!running || !queue.offer(row)) {
      write(List.of(row));
      return;
    }
    Thread current = writer;
    if (current != null && queue.size() >= BATCH) {
      LockSupport.unpark(current);
    }
  }

  /** Writes every row queued before this call, in this thread, before returning. */
  void flush() {
    drain();
  }

  private void drain() {
    synchronized (writing) {
      List<Row> rows = new ArrayList<>(unwritten);
      unwritten.clear();
      queue.drainTo(rows);
      if (rows.isEmpty()) {
        return;
      }
      try {
        write(rows);
      } catch (RuntimeException e) {
        int kept = Math.min(rows.size(), CAPACITY);
        unwritten.addAll(rows.subList(rows.size() - kept, rows.size()));
        log.warn(
            "{} request audit rows not written, {} kept to try again: {}",
            rows.size(),
            kept,
            e.getClass().getSimpleName());
      }
    }
  }

  private void write(List<Row> rows) {
    tx.executeWithoutResult(
        status ->
            jdbc.batchUpdate(
                INSERT,
                rows,
                BATCH,
                (statement, row) -> {
                  statement.setObject(1, row.at().atOffset(ZoneOffset.UTC));
                  statement.setString(2, row.actor());
                  statement.setString(3, row.action());
                  statement.setString(4, row.outcome());
                }));
  }

  private void run() {
    while (running) {
      LockSupport.parkNanos(this, intervalNanos);
      try {
        drain();
      } catch (RuntimeException e) {
        log.warn("Request audit writer: {}", e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public void start() {
    running = true;
    writer = Thread.ofPlatform().name("request-audit").daemon().start(this::run);
  }

  /** Stops the writer and writes what is left; later records are written by their requests. */
  @Override
  public void stop() {
    running = false;
    Thread current = writer;
    writer = null;
    if (current != null) {
      LockSupport.unpark(current);
      try {
        current.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    drain();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server (lower phases stop later), so that no request is left to record. */
  @Override
  public int getPhase() {
    return 0;
  }
}
