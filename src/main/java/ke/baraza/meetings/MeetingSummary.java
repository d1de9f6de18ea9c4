package ke.baraza.meetings;

import java.time.OffsetDateTime;

/**
 * A meeting as the calendar, the API and other modules see it: public fields only.
 *
 * @param seriesId the public id shared by the occurrences of a repeating meeting, or {@code null}
 * @param subCountyCode three digits, or {@code null} for a county-wide meeting
 * @param wardCode four digits, or {@code null}
 * @param place the ward, or else the sub-county, by name; {@code null} for neither
 * @param venue where people meet, or {@code null} for an online meeting
 * @param onlineUrl the link to join online, or {@code null}
 * @param start in Kenya time (+03:00)
 * @param end in Kenya time (+03:00), after {@code start}
 * @param organiserId the public id of the organising body or organisation
 * @param organiserName its name, or {@code null} if it is no longer in the directory
 */
public record MeetingSummary(
    String publicId,
    String seriesId,
    String title,
    MeetingKind kind,
    MeetingStatus status,
    Visibility visibility,
    String countyCode,
    String subCountyCode,
    String wardCode,
    String place,
    String venue,
    String onlineUrl,
    OffsetDateTime start,
    OffsetDateTime end,
    String organiserId,
    String organiserName) {}
