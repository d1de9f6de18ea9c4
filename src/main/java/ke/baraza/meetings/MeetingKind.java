package ke.baraza.meetings;

import java.util.Locale;

/** The kinds of meeting the seeds' networks hold. */
public enum MeetingKind {
  COORDINATION_MEETING,
  COMMITTEE_MEETING,
  PUBLIC_FORUM,
  BARAZA,
  WORKSHOP,
  TRAINING,
  FIELD_VISIT;

  public String messageKey() {
    return "meeting.kind." + name().toLowerCase(Locale.ROOT);
  }
}
