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

/** One line of a case's timeline: a status change or a reply. */
@Entity
@Table(name = "feedback_case_event")
class CaseEvent {

  /** What a timeline line is, and who may see it. */
  enum Kind {
    /** The case reached a status: public. */
    STATUS,
    /** A reply from the county to the reporter: public. */
    PUBLIC_REPLY,
    /** A reply from the reporter: the reporter and the county's officers only. */
    REPORTER_REPLY;

    boolean isPublic() {
      return this != REPORTER_REPLY;
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

  static CaseEvent reporterReply(Long caseId, String text, String submissionKey, Instant at) {
    return new CaseEvent(caseId, at, Kind.REPORTER_REPLY, null, text, null, submissionKey);
  }
}
