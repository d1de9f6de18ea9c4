package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import ke.baraza.budget.internal.BudgetCalendar;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.budget.internal.Consideration;
import ke.baraza.budget.internal.Consideration.Answer;
import ke.baraza.budget.internal.Consideration.ViewRow;
import ke.baraza.budget.internal.Participation;
import ke.baraza.budget.internal.Participation.Window;
import ke.baraza.budget.internal.ReportPdf;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The officers' grouping and answering of views, and the published "views considered" report as a
 * page and as CSV/XLSX and PDF, without personal data; a submitter's page of how their view was
 * considered.
 */
@Controller
class ConsiderationPages {

  private final Consideration consideration;
  private final Participation participation;
  private final BudgetCalendar calendar;
  private final Places places;
  private final MessageSource messages;
  private final BudgetPermissions permissions;
  private final ReportPdf reportPdf;

  ConsiderationPages(
      BudgetPermissions permissions,
      Consideration consideration,
      Participation participation,
      BudgetCalendar calendar,
      Places places,
      MessageSource messages,
      ReportPdf reportPdf) {
    this.reportPdf = reportPdf;
    this.consideration = consideration;
    this.participation = participation;
    this.calendar = calendar;
    this.places = places;
    this.messages = messages;
    this.permissions = permissions;
  }

  @GetMapping("/budget/participation/{id}/consideration")
  String consideration(@PathVariable String id, Model model, HttpServletRequest request) {
    Window window = participation.window(id);
    permissions.requireCountyStaff(window.countyCode());
    show(model, window, request);
    return "budget/consideration";
  }

  @PostMapping("/budget/participation/{id}/issues")
  String addIssue(@PathVariable String id, @RequestParam(defaultValue = "") String title) {
    consideration.addIssue(id, title);
    return "redirect:/budget/participation/" + id + "/consideration";
  }

  @PostMapping("/budget/participation/{id}/grouping")
  String group(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String issue,
      @RequestParam(name = "views", required = false) List<String> views) {
    consideration.group(id, issue, views);
    return "redirect:/budget/participation/" + id + "/consideration";
  }

  @PostMapping("/budget/participation/{id}/issues/{issue}/response")
  String answer(@PathVariable String id, @PathVariable String issue, Answer answer) {
    consideration.answer(id, issue, answer);
    return "redirect:/budget/participation/" + id + "/consideration";
  }

  @PostMapping("/budget/participation/{id}/publish")
  String publish(@PathVariable String id) {
    consideration.publish(id);
    return "redirect:/budget/participation/" + id + "/report";
  }

  @GetMapping("/budget/participation/{id}/report")
  String report(@PathVariable String id, Model model, HttpServletRequest request) {
    Window window = participation.window(id);
    if (!window.reportPublished() && !permissions.isCountyStaff(window.countyCode())) {
      throw UserError.notFound("budget.report.unpublished");
    }
    show(model, window, request);
    List<ViewRow> views = consideration.views(window);
    model.addAttribute(
        "figures",
        consideration.figures(
            views,
            consideration.demographics(window, "gender"),
            consideration.demographics(window, "age_band")));
    return "budget/report";
  }

  @GetMapping("/budget/participation/{id}/report.csv")
  void csv(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    export(id, TabularFormat.CSV, request, response);
  }

  @GetMapping("/budget/participation/{id}/report.xlsx")
  void xlsx(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    export(id, TabularFormat.XLSX, request, response);
  }

  @GetMapping("/budget/participation/{id}/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id, HttpServletRequest request) {
    Window window = participation.window(id);
    byte[] pdf =
        reportPdf.pdf(
            window,
            places.county(window.countyCode(), request).name(),
            RequestContextUtils.getLocale(request));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("views-considered-" + window.publicId() + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }

  @GetMapping("/budget/views/{id}")
  String view(@PathVariable String id, Model model) {
    Consideration.ConsideredView view = consideration.view(id);
    Window window = participation.window(view.windowId());
    model.addAttribute("view", view);
    model.addAttribute("window", window);
    model.addAttribute("county", places.county(window.countyCode(), null));
    return "budget/view";
  }

  private void export(
      String id, TabularFormat format, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Window window = participation.window(id);
    if (!window.reportPublished()) {
      throw UserError.notFound("budget.report.unpublished");
    }
    List<ViewRow> views = consideration.views(window);
    Locale locale = RequestContextUtils.getLocale(request);
    List<String> header =
        List.of(
                "view",
                "received",
                "channel",
                "ward",
                "programme",
                "text",
                "issue",
                "response",
                "reason",
                "landed")
            .stream()
            .map(k -> messages.getMessage("budget.report.column." + k, null, locale))
            .toList();
    List<List<?>> rows =
        views.stream()
            .<List<?>>map(
                v ->
                    java.util.Arrays.asList(
                        v.publicId(),
                        v.receivedOn(),
                        messages.getMessage(v.channel().messageKey(), null, locale),
                        v.wardName(),
                        v.programme(),
                        v.body(),
                        v.issueTitle(),
                        v.response() == null
                            ? null
                            : messages.getMessage(v.response().messageKey(), null, locale),
                        v.reason(),
                        v.landedIn()))
            .toList();
    format.download(response, "views-considered-" + window.publicId());
    TabularExport.write(format, header, rows, response.getOutputStream());
  }

  private void show(Model model, Window window, HttpServletRequest request) {
    places.county(window.countyCode(), request);
    model.addAttribute("window", window);
    model.addAttribute("county", places.county(window.countyCode(), null));
    model.addAttribute(
        "milestone",
        calendar.milestone(window.countyCode(), window.year(), window.milestoneCode()));
    model.addAttribute("views", consideration.views(window));
    model.addAttribute("issues", consideration.issues(window));
  }
}
