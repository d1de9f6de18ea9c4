package ke.baraza.budget.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import ke.baraza.budget.BudgetLine;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.Milestone;
import ke.baraza.budget.internal.BudgetCalendar;
import ke.baraza.budget.internal.BudgetLines;
import ke.baraza.geography.County;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A county's budget calendar and budget lines of a fiscal year, as JSON. */
@RestController
@Tag(name = "Budget")
class BudgetApiController {

  private final BudgetCalendar calendar;
  private final BudgetLines lines;
  private final Places places;

  BudgetApiController(BudgetCalendar calendar, BudgetLines lines, Places places) {
    this.calendar = calendar;
    this.lines = lines;
    this.places = places;
  }

  /** The calendar of one county and fiscal year. */
  public record Calendar(String county, String fiscalYear, List<Milestone> milestones) {}

  @GetMapping("/api/v1/budget/calendar")
  @Operation(
      summary =
          "The statutory budget milestones of a county (`county=016`) and fiscal year"
              + " (`fy=2025-26`), with statutory, due and actual dates, document status and flags")
  Calendar calendar(
      @RequestParam(defaultValue = "") String county, @RequestParam(defaultValue = "") String fy) {
    County chosen = places.county(county, null);
    FiscalYear year = Places.year(fy);
    return new Calendar(chosen.code(), year.label(), calendar.milestones(chosen.code(), year));
  }

  @GetMapping("/api/v1/budget/lines")
  @Operation(
      summary =
          "The budget lines of a county and fiscal year (approved, supplementary, actual"
              + " expenditure per quarter), by department and programme; paged (size ≤ 200)")
  PageResult<BudgetLine> lines(
      @RequestParam(defaultValue = "") String county,
      @RequestParam(defaultValue = "") String fy,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    County chosen = places.county(county, null);
    FiscalYear year = Places.year(fy);
    return lines.lines(chosen.code(), year, new PageRequest(page, size));
  }
}
