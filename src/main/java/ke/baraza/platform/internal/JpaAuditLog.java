package ke.baraza.platform.internal;

import java.time.Clock;
import java.util.List;
import ke.baraza.platform.AuditLog;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaAuditLog implements AuditLog {

  private final AuditEvents events;
  private final Clock clock;

  JpaAuditLog(AuditEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String actor, String action, String target, String countyCode) {
    events.save(new AuditEvent(clock.instant(), actor, action, target, countyCode, "ok"));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void recordRequest(String actor, String action, int status) {
    events.save(
        new AuditEvent(clock.instant(), actor, action, null, null, Integer.toString(status)));
  }

  @Transactional(readOnly = true)
  List<AuditEvent> latest(int count) {
    return events.findByOrderByIdDesc(PageRequest.of(0, count));
  }
}
