package ke.baraza.platform.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit log: who, what, when, never the personal data itself. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant occurredAt;
  private String actor;
  private String action;
  private String target;
  private String countyCode;
  private String outcome;

  protected AuditEvent() {}

  AuditEvent(
      Instant occurredAt,
      String actor,
      String action,
      String target,
      String countyCode,
      String outcome) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = truncate(action, 160);
    this.target = truncate(target, 64);
    this.countyCode = countyCode;
    this.outcome = truncate(outcome, 16);
  }

  static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  Instant occurredAt() {
    return occurredAt;
  }

  String actor() {
    return actor;
  }

  String action() {
    return action;
  }

  String target() {
    return target;
  }

  String countyCode() {
    return countyCode;
  }

  String outcome() {
    return outcome;
  }
}
