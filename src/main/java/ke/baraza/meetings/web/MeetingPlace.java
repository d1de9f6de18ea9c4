package ke.baraza.meetings.web;

/**
 * Where a meeting is, by name: its ward (or {@code null}), its sub-county (or {@code null} for a
 * county-wide meeting) and its county.
 */
public record MeetingPlace(String ward, String subCounty, String county) {}
