package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.budget.DocumentStatus;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.Milestone;
import ke.baraza.budget.internal.BudgetCalendar;
import ke.baraza.budget.internal.BudgetCalendar.MoveDate;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.budget.internal.Participation;
import ke.baraza.geography.County;
import ke.baraza.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public budget calendar of a county and fiscal year, with late and unpublished documents
 * flagged; a milestone's page, where county staff correct its date and move its document.
 */
@Controller
class BudgetCalendarPages {

  private final BudgetCalendar calendar;
  private final Participation participation;
  private final BudgetPermissions permissions;
  private final Places places;

  BudgetCalendarPages(
      BudgetCalendar calendar,
      Participation participation,
      BudgetPermissions permissions,
      Places places) {
    this.calendar = calendar;
    this.participation = participation;
    this.permissions = permissions;
    this.places = places;
  }

  @GetMapping("/budget/counties/{county}")
  String current(@PathVariable String county, HttpServletRequest request) {
    County chosen = places.county(county, request);
    return "redirect:/budget/counties/"
        + chosen.code()
        + "/"
        + FiscalYear.of(calendar.today()).label();
  }

  @GetMapping("/budget/counties/{county}/{fy}")
  String calendar(
      @PathVariable String county, @PathVariable String fy, Model model, HttpServletRequest r) {
    County chosen = places.county(county, r);
    FiscalYear year = Places.year(fy);
    model.addAttribute("county", chosen);
    model.addAttribute("year", year);
    model.addAttribute("previous", new FiscalYear(Math.max(2000, year.startYear() - 1)));
    model.addAttribute("next", new FiscalYear(Math.min(2099, year.startYear() + 1)));
    model.addAttribute("milestones", calendar.milestones(chosen.code(), year));
    model.addAttribute("staff", permissions.isCountyStaff(chosen.code()));
    return "budget/calendar";
  }

  @GetMapping("/budget/counties/{county}/{fy}/milestones/{code}")
  String milestone(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      Model model,
      HttpServletRequest r) {
    County chosen = places.county(county, r);
    FiscalYear year = Places.year(fy);
    show(model, chosen, year, code, MoveDate.blank(), Map.of());
    return "budget/milestone";
  }

  @PostMapping("/budget/counties/{county}/{fy}/milestones/{code}/date")
  String moveDate(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      MoveDate form,
      Model model,
      HttpServletRequest r,
      HttpServletResponse response) {
    County chosen = places.county(county, r);
    FiscalYear year = Places.year(fy);
    try {
      calendar.moveDate(chosen.code(), year, code, form);
      return redirect(chosen, year, code);
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, year, code, form, invalid.fieldErrors());
      return "budget/milestone";
    }
  }

  @PostMapping("/budget/counties/{county}/{fy}/milestones/{code}/status")
  String advance(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String status,
      HttpServletRequest r) {
    County chosen = places.county(county, r);
    FiscalYear year = Places.year(fy);
    calendar.advance(chosen.code(), year, code, status);
    return redirect(chosen, year, code);
  }

  @PostMapping("/budget/counties/{county}/{fy}/milestones/{code}/participation")
  String open(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      Participation.OpenWindow form,
      HttpServletRequest r) {
    County chosen = places.county(county, r);
    FiscalYear year = Places.year(fy);
    String id = participation.open(chosen.code(), year, code, form);
    return "redirect:/budget/participation/" + id;
  }

  private void show(
      Model model,
      County county,
      FiscalYear year,
      String code,
      MoveDate form,
      Map<String, String> errors) {
    Milestone milestone = calendar.milestone(county.code(), year, code);
    model.addAttribute("county", county);
    model.addAttribute("year", year);
    model.addAttribute("milestone", milestone);
    model.addAttribute("changes", calendar.dateChanges(county.code(), year, code));
    model.addAttribute("staff", permissions.isCountyStaff(county.code()));
    model.addAttribute("statuses", DocumentStatus.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
  }

  private static String redirect(County county, FiscalYear year, String code) {
    return "redirect:/budget/counties/"
        + county.code()
        + "/"
        + year.label()
        + "/milestones/"
        + code;
  }
}
