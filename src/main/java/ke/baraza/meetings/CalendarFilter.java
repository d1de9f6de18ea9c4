package ke.baraza.meetings;

import java.time.LocalDate;

/**
 * What the calendar is narrowed to; {@code null} means "any".
 *
 * @param countyCode three digits
 * @param organiserId public id of the organising body or organisation
 * @param from meetings that have not ended before this day (Kenya time)
 */
public record CalendarFilter(
    String countyCode, String organiserId, MeetingKind kind, LocalDate from) {}
