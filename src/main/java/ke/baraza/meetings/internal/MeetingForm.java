package ke.baraza.meetings.internal;

/**
 * A meeting as typed into the form: dates as {@code 2026-03-03}, times as {@code 10:00} (Kenya
 * time). {@code recurrence} and {@code occurrences} count only when the meeting is created.
 */
public record MeetingForm(
    String title,
    String kind,
    String description,
    String subCounty,
    String ward,
    String venue,
    String online,
    String startDate,
    String startTime,
    String endDate,
    String endTime,
    String visibility,
    String recurrence,
    String occurrences) {

  /** An empty form for a new meeting of the kind most bodies hold. */
  public static MeetingForm blank() {
    return new MeetingForm(
        "",
        "COORDINATION_MEETING",
        "",
        "",
        "",
        "",
        "",
        "",
        "10:00",
        "",
        "13:00",
        "PUBLIC",
        "NONE",
        "");
  }

  /** The form showing a meeting as it is. */
  public static MeetingForm of(Meeting m) {
    return new MeetingForm(
        m.title(),
        m.kind().name(),
        m.description() == null ? "" : m.description(),
        m.subCountyCode() == null ? "" : m.subCountyCode(),
        m.wardCode() == null ? "" : m.wardCode(),
        m.venue() == null ? "" : m.venue(),
        m.onlineUrl() == null ? "" : m.onlineUrl(),
        MeetingTimes.date(m.startsAt()),
        MeetingTimes.time(m.startsAt()),
        MeetingTimes.date(m.endsAt()),
        MeetingTimes.time(m.endsAt()),
        m.visibility().name(),
        m.recurrence().name(),
        "");
  }
}
