package ke.baraza.platform.internal;

import java.time.Clock;
import ke.baraza.platform.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The domain events of {@link AuditLog}: joined to the caller's read-write transaction (one commit
 * with the work described), or committed alone when there is none or for a refusal.
 */
@Service
class JpaAuditLog implements AuditLog {

  private final AuditEvents events;
  private final Clock clock;
  private final TransactionTemplate alone;

  JpaAuditLog(AuditEvents events, Clock clock, PlatformTransactionManager transactions) {
    this.events = events;
    this.clock = clock;
    this.alone = new TransactionTemplate(transactions);
    this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void record(String actor, String action, String target, String countyCode) {
    AuditEvent event = new AuditEvent(clock.instant(), actor, action, target, countyCode, "ok");
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      events.save(event);
    } else {
      alone.executeWithoutResult(status -> events.save(event));
    }
  }

  @Override
  public void recordRefusal(String actor, String action, String target, String countyCode) {
    AuditEvent event = new AuditEvent(clock.instant(), actor, action, target, countyCode, "ok");
    alone.executeWithoutResult(status -> events.save(event));
  }
}
