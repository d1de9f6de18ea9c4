package ke.baraza.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.GeographyApi;
import ke.baraza.plans.PlanKind;
import ke.baraza.plans.internal.PartyRole;
import ke.baraza.plans.internal.PlanForms.PartyForm;
import ke.baraza.plans.internal.PlanForms.PlanForm;
import ke.baraza.plans.internal.PlanForms.ProgrammeForm;
import ke.baraza.plans.internal.PlanPermissions;
import ke.baraza.plans.internal.PlanQueries;
import ke.baraza.plans.internal.PlanQueries.Dashboard;
import ke.baraza.plans.internal.PlanQueries.IndicatorLine;
import ke.baraza.plans.internal.PlanQueries.ValueLine;
import ke.baraza.plans.internal.PlanReport;
import ke.baraza.plans.internal.PlanService;
import ke.baraza.plans.internal.PlanService.Plan;
import ke.baraza.platform.Charts;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.RefreshingCache;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A county's plans, a plan's public dashboard with its exports, and the coordinators' forms for a
 * plan's basics, the institutions and committees behind it and its programmes.
 */
@Controller
class PlanPages {

  private final PlanService plans;
  private final PlanQueries queries;
  private final PlanPermissions permissions;
  private final PlanReport report;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final MessageSource messages;
  private final RefreshingCache<String, View> publicViews;

  PlanPages(
      PlanService plans,
      PlanQueries queries,
      PlanPermissions permissions,
      PlanReport report,
      DirectoryApi directory,
      GeographyApi geography,
      MessageSource messages,
      Clock clock,
      @Value("${baraza.public-figures.max-age:PT1M}") Duration maxAge) {
    this.publicViews = new RefreshingCache<>(maxAge, clock);
    this.plans = plans;
    this.queries = queries;
    this.permissions = permissions;
    this.report = report;
    this.directory = directory;
    this.geography = geography;
    this.messages = messages;
  }

  @GetMapping("/plans")
  String list(
      @RequestParam(required = false) String county, Model model, HttpServletRequest request) {
    String code = county == null || county.isBlank() ? null : county.strip();
    if (code != null && !geography.isCounty(code)) {
      throw UserError.notFound("geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", ""));
    }
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, code);
    model.addAttribute("county", code);
    model.addAttribute("counties", geography.counties());
    model.addAttribute("plans", code == null ? List.of() : queries.ofCounty(code));
    model.addAttribute("mayCreate", code != null && permissions.mayCreateIn(code));
    return "plans/list";
  }

  @GetMapping("/plans/new")
  String blank(@RequestParam String county, Model model, HttpServletRequest request) {
    if (!geography.isCounty(county) || !permissions.mayCreateIn(county)) {
      throw UserError.forbidden();
    }
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, county);
    model.addAttribute("plan", null);
    model.addAttribute("form", new PlanForm(county, "OGP_ACTION_PLAN", "", "", "", ""));
    model.addAttribute("kinds", PlanKind.values());
    return "plans/plan-form";
  }

  @PostMapping("/plans")
  String create(PlanForm form, RedirectAttributes redirect) {
    String id = plans.create(form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/plans/" + id;
  }

  @GetMapping("/plans/{id}/edit")
  String edit(@PathVariable String id, Model model, HttpServletRequest request) {
    Plan plan = plans.plan(id);
    if (!plans.mayCoordinate(plan)) {
      throw UserError.forbidden();
    }
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, plan.countyCode());
    model.addAttribute("plan", plan);
    model.addAttribute(
        "form",
        new PlanForm(
            plan.countyCode(),
            plan.kind().name(),
            plan.title(),
            plan.summary() == null ? "" : plan.summary(),
            plan.startsOn().toString(),
            plan.endsOn().toString()));
    model.addAttribute("kinds", PlanKind.values());
    return "plans/plan-form";
  }

  @PostMapping("/plans/{id}")
  String update(@PathVariable String id, PlanForm form, RedirectAttributes redirect) {
    plans.update(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/plans/" + id;
  }

  @PostMapping("/plans/{id}/parties")
  String addParty(@PathVariable String id, PartyForm form, RedirectAttributes redirect) {
    plans.addParty(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/plans/" + id + "#parties";
  }

  @PostMapping("/plans/{id}/parties/remove")
  String removeParty(@PathVariable String id, PartyForm form, RedirectAttributes redirect) {
    plans.removeParty(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/plans/" + id + "#parties";
  }

  @PostMapping("/plans/{id}/programmes")
  String addProgramme(@PathVariable String id, ProgrammeForm form, RedirectAttributes redirect) {
    plans.addProgramme(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/plans/" + id + "#programmes";
  }

  /** A dashboard with its indicators' charts drawn in one language. */
  record View(Dashboard d, List<String> charts) {}

  /**
   * The public dashboard: the plan's coordinators get it afresh (with the reports awaiting them),
   * everyone else the same published figures, kept like the other public figures (a minute by
   * default) per plan and language, since it reads every commitment, milestone, indicator value and
   * report of the plan and draws a chart per indicator.
   */
  @GetMapping("/plans/{id}")
  String dashboard(@PathVariable String id, Model model, HttpServletRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    Plan plan = plans.plan(id);
    View view =
        plans.mayCoordinate(plan)
            ? view(queries.dashboard(id), locale)
            : publicViews.get(
                plan.publicId() + ":" + locale.getLanguage(),
                k -> view(queries.dashboard(id), locale));
    Dashboard d = view.d();
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, d.plan().countyCode());
    model.addAttribute("d", d);
    model.addAttribute("countyName", geography.county(d.plan().countyCode()).orElseThrow().name());
    model.addAttribute("charts", view.charts());
    model.addAttribute("roles", PartyRole.values());
    if (d.mayCoordinate()) {
      model.addAttribute("organisations", queries.organisations(d.plan().countyCode()));
      model.addAttribute("bodies", directory.bodies(d.plan().countyCode()));
    } else {
      model.addAttribute("organisations", List.of());
      model.addAttribute("bodies", List.of());
    }
    return "plans/plan";
  }

  @GetMapping("/plans/{id}/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    Dashboard d = queries.dashboard(id);
    byte[] bytes = report.pdf(d, LocaleContextHolder.getLocale());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("plan-" + d.plan().publicId() + ".pdf")
                .build()
                .toString())
        .body(bytes);
  }

  @GetMapping("/plans/{id}/report.csv")
  void csv(@PathVariable String id, HttpServletResponse response) throws IOException {
    export(id, TabularFormat.CSV, response);
  }

  @GetMapping("/plans/{id}/report.xlsx")
  void xlsx(@PathVariable String id, HttpServletResponse response) throws IOException {
    export(id, TabularFormat.XLSX, response);
  }

  private void export(String id, TabularFormat format, HttpServletResponse response)
      throws IOException {
    Dashboard d = queries.dashboard(id);
    Locale locale = LocaleContextHolder.getLocale();
    format.download(response, "plan-" + d.plan().publicId());
    TabularExport.write(
        format, report.header(locale), report.rows(d, locale), response.getOutputStream());
  }

  private View view(Dashboard d, Locale locale) {
    List<String> charts = new ArrayList<>();
    for (IndicatorLine i : d.indicators()) {
      charts.add(chart(i, messages, locale));
    }
    return new View(d, List.copyOf(charts));
  }

  /**
   * An indicator's chart: its values for the whole against its target (and baseline), by period.
   * {@link Charts} draws a grid line per whole number, so the figures are drawn in a unit of a
   * power of ten that keeps the axis under ten or so lines; the title names that unit.
   */
  static String chart(IndicatorLine i, MessageSource messages, Locale locale) {
    List<ValueLine> totals = i.totals();
    List<String> labels = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    for (ValueLine v : totals) {
      labels.add(v.period());
      actual.add(v.amount().doubleValue());
    }
    if (labels.isEmpty()) {
      labels.add("—");
      actual.add(null);
    }
    double max = Math.max(i.target().doubleValue(), i.baseline().doubleValue());
    double min = Math.min(0, i.baseline().doubleValue());
    for (Double a : actual) {
      if (a != null) {
        max = Math.max(max, a);
        min = Math.min(min, a);
      }
    }
    double scale = 1;
    while ((max - min) / scale > 10) {
      scale *= 10;
    }
    final double s = scale;
    List<Double> scaled = actual.stream().map(a -> a == null ? null : a / s).toList();
    List<Double> target = labels.stream().map(l -> i.target().doubleValue() / s).toList();
    List<Double> baseline = labels.stream().map(l -> i.baseline().doubleValue() / s).toList();
    String unit = i.unit() + (s == 1 ? "" : " × " + String.format(locale, "%,d", (long) s));
    return Charts.lineChart(
        messages.getMessage("plan.chart.title", new Object[] {i.name(), unit}, locale),
        labels,
        List.of(
            new Charts.Series(messages.getMessage("plan.chart.actual", null, locale), scaled),
            new Charts.Series(messages.getMessage("plan.chart.target", null, locale), target),
            new Charts.Series(messages.getMessage("plan.chart.baseline", null, locale), baseline)),
        Math.floor(min / s),
        Math.max(Math.ceil(max / s), Math.floor(min / s) + 1));
  }
}
