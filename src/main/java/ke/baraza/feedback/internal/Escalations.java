package ke.baraza.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.internal.CaseNotices.Notice;
import ke.baraza.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends open cases whose service-charter clock ran out ({@link Charter}) one rung up their county's
 * ladder ({@link EscalationLadder}), with a timeline line and a notice to the reporters. Safe with
 * several application nodes: each escalation is claimed by a conditional update that succeeds on
 * one node only ({@code ... where escalation_level = <the level read>}), in the transaction that
 * writes its timeline line, so a case is escalated once however many nodes run the job at once.
 */
@Component
public class Escalations {

  private static final Logger log = LoggerFactory.getLogger(Escalations.class);
  private static final int BATCH = 500;

  private record Candidate(
      Long id,
      String reference,
      String countyCode,
      String status,
      OffsetDateTime createdAt,
      OffsetDateTime escalatedAt,
      int escalationLevel,
      int acknowledgeDays,
      int resolveDays) {}

  private final JdbcClient jdbc;
  private final EscalationLadder ladder;
  private final CaseNotices notices;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  Escalations(
      JdbcClient jdbc,
      EscalationLadder ladder,
      CaseNotices notices,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.ladder = ladder;
    this.notices = notices;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${baraza.feedback.escalation-interval-ms:900000}",
      fixedDelayString = "${baraza.feedback.escalation-interval-ms:900000}")
  void everyQuarterHour() {
    try {
      escalateDue(clock);
    } catch (RuntimeException e) {
      log.warn("Escalation stopped for now: {}", e.toString());
    }
  }

  /**
   * Escalates every open case (not merged) whose clock ran out by {@code clock}'s time and that is
   * not on its ladder's top rung yet; may run on several nodes at once.
   *
   * @return how many cases this call escalated
   */
  public int escalateDue(Clock clock) {
    Instant now = clock.instant();
    // every charter is at least a day, so nothing younger than a day can be due
    OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC);
    Map<String, Integer> tops = new HashMap<>();
    int escalated = 0;
    long after = 0;
    for (List<Candidate> batch = batch(cutoff, after);
        !batch.isEmpty();
        batch = batch(cutoff, after)) {
      List<Notice> told = new ArrayList<>();
      for (Candidate c : batch) {
        after = c.id();
        int top = tops.computeIfAbsent(c.countyCode(), k -> ladder.of(k).size() - 1);
        CaseStatus status = CaseStatus.valueOf(c.status());
        Instant due =
            Charter.due(
                status,
                c.createdAt().toInstant(),
                c.escalatedAt() == null ? null : c.escalatedAt().toInstant(),
                c.acknowledgeDays(),
                c.resolveDays());
        if (c.escalationLevel() >= top || due == null || now.isBefore(due)) {
          continue;
        }
        if (Boolean.TRUE.equals(tx.execute(s -> claim(c, now)))) {
          escalated++;
          audit.record(null, "feedback:case-escalated", c.reference(), c.countyCode());
          EscalationLadder.Rung rung = ladder.rung(c.countyCode(), c.escalationLevel() + 1);
          told.add(new Notice(c.id(), "escalated", rung.nameEn(), rung.nameSw()));
        }
      }
      notices.send(told);
    }
    return escalated;
  }

  /** Takes the escalation for this node and writes its timeline line: true for one caller only. */
  private boolean claim(Candidate c, Instant now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    int claimed =
        jdbc.sql(
                "update feedback_case set escalation_level = escalation_level + 1,"
                    + " escalated_at = :now, updated_at = :now, version = version + 1"
                    + " where id = :id and escalation_level = :level and status = :status"
                    + " and merged_into_id is null")
            .param("now", at)
            .param("id", c.id())
            .param("level", c.escalationLevel())
            .param("status", c.status())
            .update();
    if (claimed != 1) {
      return false;
    }
    jdbc.sql(
            "insert into feedback_case_event (case_id, happened_at, kind, body) values (?, ?, ?, ?)")
        .params(
            c.id(), at, CaseEvent.Kind.ESCALATED.name(), Integer.toString(c.escalationLevel() + 1))
        .update();
    return true;
  }

  private List<Candidate> batch(OffsetDateTime cutoff, long after) {
    return jdbc.sql(
            "select c.id, c.reference, c.county_code, c.status, c.created_at, c.escalated_at,"
                + " c.escalation_level, a.acknowledge_days, a.resolve_days"
                + " from feedback_case c join feedback_service_area a on a.id = c.service_area_id"
                + " where c.status in ('RECEIVED', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS')"
                + " and c.merged_into_id is null and c.id > :after"
                + " and coalesce(c.escalated_at, c.created_at) < :cutoff"
                + " order by c.id fetch first "
                + BATCH
                + " rows only")
        .param("after", after)
        .param("cutoff", cutoff)
        .query(Candidate.class)
        .list();
  }
}
