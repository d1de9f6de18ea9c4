package ke.baraza.meetings.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.internal.MeetingFigures;
import ke.baraza.meetings.internal.MeetingFigures.Filter;
import ke.baraza.meetings.internal.MeetingFigures.Overview;
import ke.baraza.meetings.internal.MeetingTimes;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Attendance figures of a county's public meetings over a period, by month, kind and organiser: a
 * page with bar charts, and the same as JSON.
 */
@Controller
class FiguresPages {

  private final MeetingFigures figures;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final java.time.Clock clock;

  FiguresPages(
      MeetingFigures figures,
      DirectoryApi directory,
      GeographyApi geography,
      java.time.Clock clock) {
    this.figures = figures;
    this.directory = directory;
    this.geography = geography;
    this.clock = clock;
  }

  @GetMapping("/meetings/figures")
  String page(
      @RequestParam(defaultValue = "") String county,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      Model model,
      HttpServletRequest request) {
    BodyRef chosenBody = body.isBlank() ? null : body(body);
    String countyCode =
        chosenBody != null
            ? chosenBody.countyCode()
            : county.isBlank() ? null : county(county).code();
    model.addAttribute("counties", geography.counties());
    model.addAttribute("kinds", MeetingKind.values());
    Overview overview = null;
    FigureFilters shown = new FigureFilters("", "", kind.strip(), from.strip(), to.strip());
    if (countyCode != null) {
      request.setAttribute(PageContext.COUNTY_ATTRIBUTE, countyCode);
      overview = figures.overview(filter(countyCode, chosenBody, kind, from, to));
      Filter f = overview.filter();
      shown =
          new FigureFilters(
              countyCode,
              chosenBody == null ? "" : chosenBody.publicId(),
              f.kind() == null ? "" : f.kind().name(),
              f.from().toString(),
              f.to().toString());
    }
    model.addAttribute("bodies", countyCode == null ? List.of() : directory.bodies(countyCode));
    model.addAttribute("filters", shown);
    model.addAttribute("overview", overview);
    return "meetings/figures-overview";
  }

  @GetMapping("/api/v1/meetings/figures")
  @ResponseBody
  @Operation(
      summary =
          "Attendance figures of a county's public meetings that took place from `from` to `to`"
              + " (Kenya time; default the last twelve months): totals, by month, kind and"
              + " organiser; aggregates only")
  Overview api(
      @RequestParam String county,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to) {
    BodyRef chosenBody = body.isBlank() ? null : body(body);
    String countyCode = county(county).code();
    if (chosenBody != null && !chosenBody.countyCode().equals(countyCode)) {
      throw UserError.badRequest("figures.body.other-county");
    }
    return figures.overview(filter(countyCode, chosenBody, kind, from, to));
  }

  private Filter filter(String countyCode, BodyRef body, String kind, String from, String to) {
    LocalDate today = MeetingTimes.today(clock);
    LocalDate end = date(to, today);
    LocalDate start = date(from, end.minusMonths(11).withDayOfMonth(1));
    return new Filter(
        countyCode, body == null ? null : body.publicId(), CalendarPages.kind(kind), start, end);
  }

  private static LocalDate date(String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw UserError.badRequest("figures.date.invalid");
    }
  }

  private BodyRef body(String id) {
    return directory
        .body(id.strip())
        .orElseThrow(() -> UserError.notFound("meeting.organiser.unknown"));
  }

  private County county(String code) {
    return geography
        .county(code.strip())
        .orElseThrow(
            () ->
                UserError.notFound(
                    "geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", "")));
  }
}
