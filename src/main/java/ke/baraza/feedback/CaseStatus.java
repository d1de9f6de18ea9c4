package ke.baraza.feedback;

import java.util.Locale;

/**
 * Where a case stands. Intake files every case as {@link #RECEIVED}; the officers' workflow moves
 * it on.
 */
public enum CaseStatus {
  RECEIVED,
  ACKNOWLEDGED,
  ASSIGNED,
  IN_PROGRESS,
  RESOLVED,
  CLOSED,
  REJECTED;

  public String messageKey() {
    return "feedback.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
