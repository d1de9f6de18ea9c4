package ke.baraza.feedback.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ke.baraza.feedback.CaseStatus;

/** One line of a case's timeline: a status change, a reply, a note or another change. */
@Entity
@Table(name = "feedback_case_event")
public class CaseEvent {

  /** What a timeline line is, and who may see it. */
  public enum Kind {
    /** The case reached a status (body: the reason, for a rejection): public. */
    STATUS(true, true),
    /** A reply from the county to the reporter: public. */
    PUBLIC_REPLY(true, true),
    /** A reply from the reporter: the reporter and the county's officers only. */
    REPORTER_REPLY(false, true),
    /** An officer's internal note: officers only, never the reporter. */
    NOTE(false, false),
    /** Assigned (status ASSIGNED; body: department public id, then officer name): public. */
    ASSIGNED(true, true),
    /** Sent one rung up the county's ladder (body: the new rung's level): public. */
    ESCALATED(true, true),
    /** Merged into another case (body: that case's reference): public. */
    MERGED(true, true),
    /** Another case merged into this one (body: that case's reference): officers only. */
    MERGED_IN(false, false),
    /** Reopened by the reporter (body: their reason): the reason is never public. */
    REOPENED(true, true),
    /** The reporter's rating (body: stars, a space, the comment): reporter and officers. */
    RATED(false, true);

    private final boolean isPublic;
    private final boolean forReporter;

    Kind(boolean isPublic, boolean forReporter) {
      this.isPublic = isPublic;
      this.forReporter = forReporter;
    }

    /** Whether anyone with the reference sees the line (not always its body: see each kind). */
    public boolean isPublic() {
      return isPublic;
    }

    /** Whether the reporter, with the private code, sees the line. */
    public boolean forReporter() {
      return forReporter;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long caseId;
  private Instant happenedAt;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  private String body;
  private String author;
  private String submissionKey;

  protected CaseEvent() {}

  private CaseEvent(
      Long caseId,
      Instant at,
      Kind kind,
      CaseStatus status,
      String body,
      String author,
      String submissionKey) {
    this.caseId = caseId;
    this.happenedAt = at;
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.author = author;
    this.submissionKey = submissionKey;
  }

  static CaseEvent status(Long caseId, CaseStatus status, String author, Instant at) {
    return new CaseEvent(caseId, at, Kind.STATUS, status, null, author, null);
  }

  /** A status change with a public text (the reason of a rejection, a resolution's summary). */
  static CaseEvent status(Long caseId, CaseStatus status, String body, String author, Instant at) {
    return new CaseEvent(caseId, at, Kind.STATUS, status, body, author, null);
  }

  static CaseEvent reporterReply(Long caseId, String text, String submissionKey, Instant at) {
    return new CaseEvent(caseId, at, Kind.REPORTER_REPLY, null, text, null, submissionKey);
  }

  /** Any other line; {@code status} is the status reached, or null when it did not change. */
  static CaseEvent of(
      Long caseId, Kind kind, CaseStatus status, String body, String author, Instant at) {
    return new CaseEvent(caseId, at, kind, status, body, author, null);
  }

  public Kind kind() {
    return kind;
  }
}
