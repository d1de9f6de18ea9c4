package ke.baraza.meetings.web;

/** The attendance figures' filters as the page shows them: blank means any; dates as ISO text. */
public record FigureFilters(String county, String body, String kind, String from, String to) {}
