package ke.baraza.directory.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import ke.baraza.directory.MembershipStatus;

/** An organisation's membership of a body: applied, active, suspended, left or declined. */
@Entity
@Table(name = "membership")
@EntityListeners(SearchIndexNetworks.class) // the organisation's networks are in the search index
public class Membership {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long bodyId;
  private Long organisationId;

  @Enumerated(EnumType.STRING)
  private MembershipStatus status;

  private LocalDate since;
  private Instant appliedAt;
  private Instant decidedAt;
  private String decidedBy;
  private String reason;
  private LocalDate mouSignedOn;

  protected Membership() {}

  private Membership(Long bodyId, Long organisationId, MembershipStatus status) {
    this.bodyId = bodyId;
    this.organisationId = organisationId;
    this.status = status;
  }

  static Membership application(Long bodyId, Long organisationId, Instant now) {
    Membership m = new Membership(bodyId, organisationId, MembershipStatus.APPLIED);
    m.appliedAt = now;
    return m;
  }

  static Membership admitted(
      Long bodyId, Long organisationId, LocalDate since, String by, Instant now) {
    Membership m = new Membership(bodyId, organisationId, MembershipStatus.ACTIVE);
    m.since = since;
    m.decidedAt = now;
    m.decidedBy = by;
    return m;
  }

  /** Applies again after leaving or being declined. */
  void reapply(Instant now) {
    status = MembershipStatus.APPLIED;
    appliedAt = now;
    decidedAt = null;
    reason = null;
  }

  void approve(LocalDate since, String by, Instant now) {
    this.status = MembershipStatus.ACTIVE;
    this.since = since;
    this.decidedBy = by;
    this.decidedAt = now;
    this.reason = null;
  }

  /** Back to applied: an approval undone (an import undone). */
  void reopen() {
    this.status = MembershipStatus.APPLIED;
    this.since = null;
    this.decidedAt = null;
    this.decidedBy = null;
  }

  void decline(String reason, String by, Instant now) {
    this.status = MembershipStatus.DECLINED;
    this.reason = reason;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  void change(MembershipStatus status, String reason, String by, Instant now) {
    this.status = status;
    this.reason = reason;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  void recordMou(LocalDate signedOn) {
    this.mouSignedOn = signedOn;
  }

  public Long id() {
    return id;
  }

  public Long bodyId() {
    return bodyId;
  }

  public Long organisationId() {
    return organisationId;
  }

  public MembershipStatus status() {
    return status;
  }

  public LocalDate since() {
    return since;
  }

  public String reason() {
    return reason;
  }

  public LocalDate mouSignedOn() {
    return mouSignedOn;
  }
}
