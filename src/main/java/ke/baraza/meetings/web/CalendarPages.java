package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.meetings.CalendarFilter;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.internal.CalendarFeed;
import ke.baraza.meetings.internal.MeetingQueries;
import ke.baraza.meetings.internal.MeetingService;
import ke.baraza.meetings.internal.MeetingTimes;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.RefreshingCache;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The public calendar and its iCalendar feeds: public meetings only. */
@Controller
class CalendarPages {

  static final int PAGE_SIZE = 20;
  private static final Duration FEED_PAST = Duration.ofDays(180);
  private static final int FEED_MAX = 1000;
  private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final MeetingQueries queries;
  private final MeetingService meetings;
  private final CalendarFeed feed;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final Clock clock;

  /**
   * The county feeds as written, per county and language: calendar apps poll them, and writing up
   * to a thousand meetings on every poll bounded the feed at a tenth of the framework floor.
   */
  private final RefreshingCache<String, String> countyFeeds;

  CalendarPages(
      MeetingQueries queries,
      MeetingService meetings,
      CalendarFeed feed,
      DirectoryApi directory,
      GeographyApi geography,
      Clock clock,
      @Value("${baraza.public-figures.max-age:PT1M}") Duration feedMaxAge) {
    this.queries = queries;
    this.meetings = meetings;
    this.feed = feed;
    this.directory = directory;
    this.geography = geography;
    this.clock = clock;
    this.countyFeeds = new RefreshingCache<>(feedMaxAge, clock);
  }

  @GetMapping("/calendar")
  String calendar(
      @RequestParam(defaultValue = "") String county,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    BodyRef chosenBody = body.isBlank() ? null : body(body.strip());
    String countyCode =
        chosenBody != null
            ? chosenBody.countyCode()
            : county.isBlank() ? null : county(county).code();
    LocalDate day = from(from);
    MeetingKind chosenKind = kind(kind);
    CalendarFilter filter =
        new CalendarFilter(
            countyCode, chosenBody == null ? null : chosenBody.publicId(), chosenKind, day);
    // the organisers' people see the body's members-only and private meetings here too
    String alsoOf =
        chosenBody != null && meetings.mayOrganise(chosenBody.publicId())
            ? chosenBody.publicId()
            : null;
    if (countyCode != null) {
      request.setAttribute(PageContext.COUNTY_ATTRIBUTE, countyCode);
    }
    model.addAttribute(
        "filters",
        new CalendarFilters(
            countyCode == null ? "" : countyCode,
            chosenBody == null ? "" : chosenBody.publicId(),
            chosenKind == null ? "" : chosenKind.name(),
            day.toString()));
    model.addAttribute("counties", geography.counties());
    model.addAttribute("bodies", countyCode == null ? List.of() : directory.bodies(countyCode));
    model.addAttribute("kinds", MeetingKind.values());
    model.addAttribute(
        "results", queries.calendar(filter, alsoOf, new PageRequest(page, PAGE_SIZE)));
    model.addAttribute("chosenBody", chosenBody);
    model.addAttribute("signedIn", CurrentUser.get().isPresent());
    return "meetings/calendar";
  }

  @GetMapping("/calendar/counties/{code}.ics")
  ResponseEntity<String> countyFeed(@PathVariable String code, HttpServletRequest request) {
    County county = county(code);
    String name = "Baraza · " + county.name();
    Locale locale = RequestContextUtils.getLocale(request);
    return ics(
        county.code(),
        countyFeeds.get(
            county.code() + "|" + locale.getLanguage(),
            key ->
                feed.write(
                    name,
                    queries.feed(county.code(), null, clock.instant().minus(FEED_PAST), FEED_MAX),
                    locale)));
  }

  @GetMapping("/calendar/bodies/{id}.ics")
  ResponseEntity<String> bodyFeed(@PathVariable String id, HttpServletRequest request) {
    BodyRef body = body(id);
    return ics(
        body.publicId(),
        feed.write(
            body.name(),
            queries.feed(null, body.publicId(), clock.instant().minus(FEED_PAST), FEED_MAX),
            RequestContextUtils.getLocale(request)));
  }

  private static ResponseEntity<String> ics(String name, String body) {
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
        .body(body);
  }

  private BodyRef body(String id) {
    return directory.body(id).orElseThrow(() -> UserError.notFound("meeting.organiser.unknown"));
  }

  private County county(String code) {
    return geography
        .county(code.strip())
        .orElseThrow(
            () ->
                UserError.notFound(
                    "geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", "")));
  }

  private LocalDate from(String value) {
    if (value.isBlank()) {
      return MeetingTimes.today(clock);
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw UserError.badRequest("calendar.from.invalid");
    }
  }

  static MeetingKind kind(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (MeetingKind k : MeetingKind.values()) {
      if (k.name().equals(value.strip())) {
        return k;
      }
    }
    throw UserError.badRequest("meeting.kind.invalid");
  }
}
