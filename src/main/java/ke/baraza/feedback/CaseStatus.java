package ke.baraza.feedback;

import java.util.Locale;

/**
 * Where a case stands. Intake files every case as {@link #RECEIVED}; officers move it on through
 * acknowledged, assigned and in progress to resolved and closed, or reject it with a reason; the
 * reporter may reopen a resolved case (back to in progress) within a window. A duplicate merged
 * into another case is closed.
 */
public enum CaseStatus {
  RECEIVED,
  ACKNOWLEDGED,
  ASSIGNED,
  IN_PROGRESS,
  RESOLVED,
  CLOSED,
  REJECTED;

  /** Whether the county still owes the reporter an answer: received up to in progress. */
  public boolean open() {
    return this == RECEIVED || this == ACKNOWLEDGED || this == ASSIGNED || this == IN_PROGRESS;
  }

  public String messageKey() {
    return "feedback.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
