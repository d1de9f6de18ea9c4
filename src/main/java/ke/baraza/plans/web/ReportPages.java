package ke.baraza.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.plans.internal.PlanForms.ReportForm;
import ke.baraza.plans.internal.PlanForms.ValueForm;
import ke.baraza.plans.internal.PlanQueries;
import ke.baraza.plans.internal.PlanQueries.IndicatorLine;
import ke.baraza.plans.internal.PlanQueries.ValueLine;
import ke.baraza.plans.internal.PlanService;
import ke.baraza.plans.internal.PlanService.Commitment;
import ke.baraza.plans.internal.ReportNotices;
import ke.baraza.plans.internal.ReportService;
import ke.baraza.plans.internal.ReportService.Report;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Progress reports: the implementing agency's form (with a value field per indicator measured at
 * the commitment's reporting rhythm, named {@code value-<indicator id>} and {@code
 * source-<indicator id>}), a report's page, submission, and the coordinators' return or acceptance.
 */
@Controller
class ReportPages {

  private final ReportService reports;
  private final PlanService plans;
  private final PlanQueries queries;
  private final ReportNotices notices;

  ReportPages(
      ReportService reports, PlanService plans, PlanQueries queries, ReportNotices notices) {
    this.reports = reports;
    this.plans = plans;
    this.queries = queries;
    this.notices = notices;
  }

  @GetMapping("/commitments/{id}/reports/new")
  String blank(
      @PathVariable String id,
      @RequestParam(required = false) String period,
      Model model,
      HttpServletRequest request) {
    Commitment c = plans.commitment(id);
    if (!reports.mayReport(c)) {
      throw UserError.forbidden();
    }
    show(model, request, c, null, new ReportForm(period == null ? "" : period, "", "", "", ""));
    return "plans/report";
  }

  @PostMapping("/commitments/{id}/reports")
  String start(
      @PathVariable String id,
      ReportForm form,
      @RequestParam Map<String, String> fields,
      RedirectAttributes redirect) {
    String report = reports.start(id, form, values(fields));
    redirect.addFlashAttribute("notice", "plan.report.saved");
    return "redirect:/reports/" + report;
  }

  @GetMapping("/reports/{id}")
  String show(@PathVariable String id, Model model, HttpServletRequest request) {
    Report report = reports.report(id);
    show(
        model,
        request,
        report.commitment(),
        report,
        new ReportForm(
            report.period(),
            report.activities(),
            nz(report.milestonesReached()),
            nz(report.challenges()),
            nz(report.nextSteps())));
    return "plans/report";
  }

  @PostMapping("/reports/{id}")
  String update(
      @PathVariable String id,
      ReportForm form,
      @RequestParam Map<String, String> fields,
      RedirectAttributes redirect) {
    reports.update(id, form, values(fields));
    redirect.addFlashAttribute("notice", "plan.report.saved");
    return "redirect:/reports/" + id;
  }

  @PostMapping("/reports/{id}/submit")
  String submit(@PathVariable String id, RedirectAttributes redirect) {
    reports.submit(id);
    redirect.addFlashAttribute("notice", "plan.report.submitted");
    return "redirect:/reports/" + id;
  }

  @PostMapping("/reports/{id}/return")
  String giveBack(
      @PathVariable String id,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect) {
    reports.review(id, false, comment);
    notices.reviewed(id);
    redirect.addFlashAttribute("notice", "plan.report.returned");
    return "redirect:/reports/" + id;
  }

  @PostMapping("/reports/{id}/accept")
  String accept(
      @PathVariable String id,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect) {
    reports.review(id, true, comment);
    notices.reviewed(id);
    redirect.addFlashAttribute("notice", "plan.report.accepted");
    return "redirect:/reports/" + id;
  }

  private void show(
      Model model, HttpServletRequest request, Commitment c, Report report, ReportForm form) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, c.plan().countyCode());
    List<IndicatorLine> indicators =
        queries.commitmentPage(c.publicId()).indicators().stream()
            .filter(i -> i.frequency() == c.reportFrequency())
            .toList();
    model.addAttribute("commitment", c);
    model.addAttribute("report", report);
    model.addAttribute("form", form);
    model.addAttribute("indicators", indicators);
    Map<String, ValueLine> filled = new LinkedHashMap<>();
    if (report != null) {
      for (IndicatorLine i : indicators) {
        i.totals().stream()
            .filter(v -> v.period().equals(report.period()))
            .findFirst()
            .ifPresent(v -> filled.put(i.publicId(), v));
      }
    }
    model.addAttribute("filled", filled);
    model.addAttribute(
        "rights", report == null ? new ReportService.Rights(true, false) : reports.rights(report));
  }

  /** The indicator values of a report form: {@code value-<id>} and {@code source-<id>} fields. */
  static Map<String, ValueForm> values(Map<String, String> fields) {
    Map<String, ValueForm> values = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (name.startsWith("value-")) {
            String id = name.substring("value-".length());
            values.put(id, new ValueForm(null, value, fields.get("source-" + id), null, null));
          }
        });
    return values;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
