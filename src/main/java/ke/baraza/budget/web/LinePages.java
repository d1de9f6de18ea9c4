package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.internal.BudgetLines;
import ke.baraza.budget.internal.BudgetLines.Imported;
import ke.baraza.budget.internal.BudgetLines.OpenLine;
import ke.baraza.budget.internal.BudgetLines.Total;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.geography.County;
import ke.baraza.platform.BarCharts;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A county's budget lines of a fiscal year: totals and charts of allocation and absorption by
 * department and by ward, downloads as CSV, XLSX and JSON, and the staff's import.
 */
@Controller
class LinePages {

  static final int PAGE_SIZE = 50;

  private final BudgetLines lines;
  private final BudgetPermissions permissions;
  private final Places places;
  private final MessageSource messages;

  LinePages(
      BudgetLines lines, BudgetPermissions permissions, Places places, MessageSource messages) {
    this.lines = lines;
    this.permissions = permissions;
    this.places = places;
    this.messages = messages;
  }

  /** A download of every line of a county's fiscal year as JSON, with where it comes from. */
  record Download(
      String county,
      String countyName,
      String fiscalYear,
      String source,
      List<String> columns,
      List<OpenLine> lines) {}

  @GetMapping("/budget/counties/{county}/{fy}/lines")
  String lines(
      @PathVariable String county,
      @PathVariable String fy,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    show(model, places.county(county, request), Places.year(fy), page, null, null);
    return "budget/lines";
  }

  @GetMapping("/budget/counties/{county}/{fy}/lines.csv")
  void csv(
      @PathVariable String county,
      @PathVariable String fy,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    export(county, fy, TabularFormat.CSV, request, response);
  }

  @GetMapping("/budget/counties/{county}/{fy}/lines.xlsx")
  void xlsx(
      @PathVariable String county,
      @PathVariable String fy,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    export(county, fy, TabularFormat.XLSX, request, response);
  }

  @GetMapping("/budget/counties/{county}/{fy}/lines.json")
  ResponseEntity<Download> json(
      @PathVariable String county, @PathVariable String fy, HttpServletRequest request) {
    County chosen = places.county(county, request);
    FiscalYear year = Places.year(fy);
    Download download =
        new Download(
            chosen.code(),
            chosen.name(),
            year.label(),
            messages.getMessage("budget.data.source", null, RequestContextUtils.getLocale(request)),
            OpenLine.COLUMNS,
            lines.openLines(chosen.code(), year));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(baseName(chosen, year) + ".json")
                .build()
                .toString())
        .body(download);
  }

  @PostMapping("/budget/counties/{county}/{fy}/lines")
  String importFile(
      @PathVariable String county,
      @PathVariable String fy,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    County chosen = places.county(county, request);
    FiscalYear year = Places.year(fy);
    permissions.requireCountyStaff(chosen.code());
    try {
      if (file == null || file.isEmpty()) {
        throw UserError.badRequest("budget.lines.file-required");
      }
      Imported imported;
      try (InputStream in = file.getInputStream()) {
        imported = lines.importFile(chosen.code(), year, in, file.getOriginalFilename());
      }
      show(model, chosen, year, 0, imported, null);
    } catch (UserError refused) {
      if (refused.status().value() == 403) {
        throw refused;
      }
      response.setStatus(refused.status().value());
      show(model, chosen, year, 0, null, refused);
    }
    return "budget/lines";
  }

  private void export(
      String county,
      String fy,
      TabularFormat format,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    County chosen = places.county(county, request);
    FiscalYear year = Places.year(fy);
    List<List<?>> rows =
        lines.openLines(chosen.code(), year).stream().<List<?>>map(OpenLine::cells).toList();
    format.download(response, baseName(chosen, year));
    TabularExport.write(format, OpenLine.COLUMNS, rows, response.getOutputStream());
  }

  private static String baseName(County county, FiscalYear year) {
    return "budget-lines-" + county.code() + "-" + year.label();
  }

  /** A bar chart of the revised budget and actual expenditure, absorption in each label. */
  private String chart(String titleKey, List<Total> totals, Locale locale) {
    return BarCharts.horizontal(
        messages.getMessage(titleKey, null, locale),
        List.of(
            messages.getMessage("budget.data.budget", null, locale),
            messages.getMessage("budget.lines.actual", null, locale)),
        totals.stream()
            .map(
                t ->
                    new BarCharts.Group(
                        t.label() == null
                            ? messages.getMessage("budget.data.county-wide", null, locale)
                            : t.label(),
                        messages.getMessage(
                            "budget.data.absorption-note", new Object[] {t.absorption()}, locale),
                        List.of(t.budget().doubleValue(), t.actual().doubleValue())))
            .toList(),
        v -> BudgetLines.kes(BigDecimal.valueOf(v)));
  }

  private void show(
      Model model, County county, FiscalYear year, int page, Imported imported, UserError problem) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Total> departments = lines.totals(county.code(), year);
    List<Total> wards = lines.wardTotals(county.code(), year);
    model.addAttribute("county", county);
    model.addAttribute("year", year);
    model.addAttribute("totals", departments);
    model.addAttribute("wardTotals", wards);
    model.addAttribute(
        "departmentChart", chart("budget.data.chart.departments", departments, locale));
    model.addAttribute("wardChart", chart("budget.data.chart.wards", wards, locale));
    model.addAttribute("lines", lines.lines(county.code(), year, new PageRequest(page, PAGE_SIZE)));
    model.addAttribute("staff", permissions.isCountyStaff(county.code()));
    model.addAttribute("imported", imported);
    model.addAttribute("problem", problem);
  }
}
