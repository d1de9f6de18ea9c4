package ke.baraza.meetings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Meetings happen in Kenya time (East Africa Time, UTC+3, no daylight saving). */
public final class MeetingTimes {

  public static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  private MeetingTimes() {}

  /**
   * When a meeting is, as people read it: "Tuesday 3 March 2026, 10:00–13:00", or with both dates
   * when it runs over several days.
   */
  public static String when(Instant start, Instant end, Locale locale) {
    ZonedDateTime from = start.atZone(NAIROBI);
    ZonedDateTime to = end.atZone(NAIROBI);
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
    if (from.toLocalDate().equals(to.toLocalDate())) {
      return day.format(from) + ", " + time.format(from) + "–" + time.format(to);
    }
    return day.format(from)
        + ", "
        + time.format(from)
        + " – "
        + day.format(to)
        + ", "
        + time.format(to);
  }

  /** The day in Kenya, as a form shows it (2026-03-03). */
  public static String date(Instant instant) {
    return instant == null ? "" : instant.atZone(NAIROBI).toLocalDate().toString();
  }

  /** The time of day in Kenya, as a form shows it (10:00). */
  public static String time(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(NAIROBI));
  }

  /** Today in Kenya. */
  public static LocalDate today(java.time.Clock clock) {
    return LocalDate.now(clock.withZone(NAIROBI));
  }
}
