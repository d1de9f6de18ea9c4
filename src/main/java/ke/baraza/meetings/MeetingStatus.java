package ke.baraza.meetings;

import java.util.Locale;

/** Where a meeting stands: scheduled, closed (its attendance register with it) or cancelled. */
public enum MeetingStatus {
  SCHEDULED,
  CLOSED,
  CANCELLED;

  public String messageKey() {
    return "meeting.status." + name().toLowerCase(Locale.ROOT);
  }
}
