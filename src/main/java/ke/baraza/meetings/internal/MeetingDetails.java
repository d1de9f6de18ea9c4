package ke.baraza.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.Visibility;

/** A meeting's details once checked: optional texts and places are {@code null}, not blank. */
record MeetingDetails(
    MeetingKind kind,
    String title,
    String description,
    String subCountyCode,
    String wardCode,
    String venue,
    String onlineUrl,
    Instant startsAt,
    Instant endsAt,
    Visibility visibility) {

  /** The same details starting at {@code start}, as long as before (the next occurrence). */
  MeetingDetails startingAt(Instant start) {
    Duration length = Duration.between(startsAt, endsAt);
    return new MeetingDetails(
        kind,
        title,
        description,
        subCountyCode,
        wardCode,
        venue,
        onlineUrl,
        start,
        start.plus(length),
        visibility);
  }
}
