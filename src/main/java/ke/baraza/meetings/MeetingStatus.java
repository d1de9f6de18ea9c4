package ke.baraza.meetings;

import java.util.Locale;

/** Where a meeting stands; closing (after attendance) comes with the attendance register. */
public enum MeetingStatus {
  SCHEDULED,
  CANCELLED;

  public String messageKey() {
    return "meeting.status." + name().toLowerCase(Locale.ROOT);
  }
}
