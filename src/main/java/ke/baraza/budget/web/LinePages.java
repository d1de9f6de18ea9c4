package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.internal.BudgetLines;
import ke.baraza.budget.internal.BudgetLines.Imported;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.geography.County;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A county's budget lines of a fiscal year: totals by department, and the staff's import. */
@Controller
class LinePages {

  static final int PAGE_SIZE = 50;

  private final BudgetLines lines;
  private final BudgetPermissions permissions;
  private final Places places;

  LinePages(BudgetLines lines, BudgetPermissions permissions, Places places) {
    this.lines = lines;
    this.permissions = permissions;
    this.places = places;
  }

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

  private void show(
      Model model, County county, FiscalYear year, int page, Imported imported, UserError problem) {
    model.addAttribute("county", county);
    model.addAttribute("year", year);
    model.addAttribute("totals", lines.totals(county.code(), year));
    model.addAttribute("lines", lines.lines(county.code(), year, new PageRequest(page, PAGE_SIZE)));
    model.addAttribute("staff", permissions.isCountyStaff(county.code()));
    model.addAttribute("imported", imported);
    model.addAttribute("problem", problem);
  }
}
