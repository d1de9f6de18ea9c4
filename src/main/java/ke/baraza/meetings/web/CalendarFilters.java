package ke.baraza.meetings.web;

/** The calendar's filters as the page shows them: blank means any; {@code from} is a date. */
public record CalendarFilters(String county, String body, String kind, String from) {}
