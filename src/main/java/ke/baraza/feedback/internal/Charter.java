package ke.baraza.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import ke.baraza.feedback.CaseStatus;

/**
 * The service-charter clock of a case: a received case must be acknowledged within its area's
 * acknowledge days, any other open case resolved within its resolve days. The clock runs from the
 * filing, or from the last escalation, which gives the next rung a full period.
 */
public final class Charter {

  /** How a case stands against its clock, for the queue's colours and their text. */
  public enum Sla {
    ON_TIME,
    DUE_SOON,
    OVERDUE,
    /** Resolved, closed or rejected: no clock runs. */
    NONE;

    public String messageKey() {
      return "casework.sla." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String cssClass() {
      return "sla-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private Charter() {}

  /** When the running period ends; null when no clock runs (the case is not open). */
  static Instant due(
      CaseStatus status,
      Instant createdAt,
      Instant escalatedAt,
      int acknowledgeDays,
      int resolveDays) {
    if (!status.open()) {
      return null;
    }
    Instant from = escalatedAt != null ? escalatedAt : createdAt;
    return from.plus(
        Duration.ofDays(status == CaseStatus.RECEIVED ? acknowledgeDays : resolveDays));
  }

  /** Overdue past the end; due soon in the last third of the period. */
  static Sla sla(
      CaseStatus status,
      Instant createdAt,
      Instant escalatedAt,
      int acknowledgeDays,
      int resolveDays,
      Instant now) {
    Instant due = due(status, createdAt, escalatedAt, acknowledgeDays, resolveDays);
    if (due == null) {
      return Sla.NONE;
    }
    if (!now.isBefore(due)) {
      return Sla.OVERDUE;
    }
    int days = status == CaseStatus.RECEIVED ? acknowledgeDays : resolveDays;
    Duration warning = Duration.ofHours(days * 8L);
    return now.isAfter(due.minus(warning)) ? Sla.DUE_SOON : Sla.ON_TIME;
  }
}
