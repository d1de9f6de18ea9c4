package ke.baraza.meetings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.GeographyApi;
import ke.baraza.meetings.CalendarFilter;
import ke.baraza.meetings.MeetingSummary;
import ke.baraza.meetings.MeetingsApi;
import ke.baraza.meetings.internal.MeetingTimes;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public meetings as JSON; members-only and private meetings are never listed. */
@RestController
@Tag(name = "Meetings")
class MeetingApiController {

  private final MeetingsApi meetings;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final Clock clock;

  MeetingApiController(
      MeetingsApi meetings, DirectoryApi directory, GeographyApi geography, Clock clock) {
    this.meetings = meetings;
    this.directory = directory;
    this.geography = geography;
    this.clock = clock;
  }

  @GetMapping("/api/v1/meetings")
  @Operation(
      summary =
          "Public meetings by county, body and kind that end on or after `from` (default today,"
              + " Kenya time), by start; paged (size ≤ 200)")
  PageResult<MeetingSummary> meetings(
      @RequestParam(required = false) String county,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (county != null && !county.isBlank() && !geography.isCounty(county.strip())) {
      throw UserError.notFound("geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", ""));
    }
    if (body != null && !body.isBlank() && directory.body(body.strip()).isEmpty()) {
      throw UserError.notFound("meeting.organiser.unknown");
    }
    LocalDate day;
    try {
      day =
          from == null || from.isBlank()
              ? MeetingTimes.today(clock)
              : LocalDate.parse(from.strip());
    } catch (DateTimeParseException e) {
      throw UserError.badRequest("calendar.from.invalid");
    }
    return meetings.publicMeetings(
        new CalendarFilter(
            county == null || county.isBlank() ? null : county.strip(),
            body == null || body.isBlank() ? null : body.strip(),
            CalendarPages.kind(kind),
            day),
        new PageRequest(page, size));
  }

  @GetMapping("/api/v1/meetings/{id}")
  @Operation(summary = "One public meeting by its public id")
  MeetingSummary meeting(@PathVariable String id) {
    return meetings.publicMeeting(id).orElseThrow(() -> UserError.notFound("meeting.unknown"));
  }
}
