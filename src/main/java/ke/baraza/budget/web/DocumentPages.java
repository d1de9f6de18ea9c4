package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import ke.baraza.budget.FiscalYear;
import ke.baraza.budget.internal.BudgetCalendar;
import ke.baraza.budget.internal.BudgetDocumentAllocations;
import ke.baraza.budget.internal.BudgetDocumentAllocations.AllocationForm;
import ke.baraza.budget.internal.BudgetDocumentAllocations.Imported;
import ke.baraza.budget.internal.BudgetDocuments;
import ke.baraza.budget.internal.BudgetDocuments.Upload;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.geography.County;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A milestone's budget document: its PDF versions (public downloads; staff upload new ones), its
 * programmes and allocations (public totals; staff enter or import them), and the search of a
 * county's documents. The milestone's page loads the section with htmx.
 */
@Controller
class DocumentPages {

  static final int PAGE_SIZE = 20;

  private final BudgetDocuments documents;
  private final BudgetDocumentAllocations allocations;
  private final BudgetCalendar calendar;
  private final BudgetPermissions permissions;
  private final FileStore files;
  private final Places places;

  DocumentPages(
      BudgetDocuments documents,
      BudgetDocumentAllocations allocations,
      BudgetCalendar calendar,
      BudgetPermissions permissions,
      FileStore files,
      Places places) {
    this.documents = documents;
    this.allocations = allocations;
    this.calendar = calendar;
    this.permissions = permissions;
    this.files = files;
    this.places = places;
  }

  /** The document section: the whole page, or only the section when htmx asks for it. */
  @GetMapping("/budget/counties/{county}/{fy}/milestones/{code}/documents")
  String page(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletRequest request) {
    County chosen = places.county(county, request);
    show(model, chosen, Places.year(fy), code, new State());
    return htmx != null ? "budget/document-section" : "budget/documents";
  }

  @PostMapping("/budget/counties/{county}/{fy}/milestones/{code}/documents")
  String upload(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      Upload form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    County chosen = places.county(county, request);
    FiscalYear year = Places.year(fy);
    permissions.requireCountyStaff(chosen.code());
    boolean none = file == null || file.isEmpty();
    try (InputStream in = none ? null : file.getInputStream()) {
      int version =
          documents.upload(
              chosen.code(), year, code, form, in, none ? null : file.getOriginalFilename());
      return redirect(chosen, year, code) + "#version-" + version;
    } catch (UserError refused) {
      return refuse(
          refused, model, chosen, year, code, response, new State().upload(form, refused));
    }
  }

  @GetMapping("/budget/counties/{county}/{fy}/milestones/{code}/documents/{version}.pdf")
  ResponseEntity<Resource> download(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      @PathVariable String version,
      HttpServletRequest request)
      throws IOException {
    County chosen = places.county(county, request);
    if (!version.matches("\\d{1,6}")) {
      throw UserError.notFound("budget.document.none");
    }
    return files.download(
        documents.file(chosen.code(), Places.year(fy), code, Integer.parseInt(version)));
  }

  @PostMapping("/budget/counties/{county}/{fy}/milestones/{code}/allocations")
  String addAllocation(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      AllocationForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    County chosen = places.county(county, request);
    FiscalYear year = Places.year(fy);
    try {
      allocations.add(chosen.code(), year, code, form);
      return redirect(chosen, year, code) + "#allocations";
    } catch (UserError refused) {
      return refuse(
          refused, model, chosen, year, code, response, new State().allocation(form, refused));
    }
  }

  @PostMapping("/budget/counties/{county}/{fy}/milestones/{code}/allocations/import")
  String importAllocations(
      @PathVariable String county,
      @PathVariable String fy,
      @PathVariable String code,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    County chosen = places.county(county, request);
    FiscalYear year = Places.year(fy);
    permissions.requireCountyStaff(chosen.code());
    boolean none = file == null || file.isEmpty();
    try (InputStream in = none ? null : file.getInputStream()) {
      Imported imported =
          allocations.importFile(
              chosen.code(), year, code, in, none ? null : file.getOriginalFilename());
      if (!imported.errors().isEmpty()) {
        response.setStatus(400);
      }
      State state = new State();
      state.imported = imported;
      show(model, chosen, year, code, state);
      return "budget/documents";
    } catch (UserError refused) {
      State state = new State();
      state.importProblem = refused;
      return refuse(refused, model, chosen, year, code, response, state);
    }
  }

  @GetMapping("/budget/counties/{county}/documents/search")
  String search(
      @PathVariable String county,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    County chosen = places.county(county, request);
    String query = q.length() > 200 ? q.substring(0, 200) : q;
    model.addAttribute("county", chosen);
    model.addAttribute("q", query);
    model.addAttribute(
        "hits",
        documents.search(chosen.code(), query, new PageRequest(Math.max(0, page), PAGE_SIZE)));
    return "budget/document-search";
  }

  private String refuse(
      UserError refused,
      Model model,
      County county,
      FiscalYear year,
      String code,
      HttpServletResponse response,
      State state) {
    if (refused.status().value() == 403 || refused.status().value() == 404) {
      throw refused;
    }
    response.setStatus(refused.status().value());
    show(model, county, year, code, state);
    return "budget/documents";
  }

  private void show(Model model, County county, FiscalYear year, String code, State state) {
    model.addAttribute("county", county);
    model.addAttribute("year", year);
    model.addAttribute("milestone", calendar.milestone(county.code(), year, code));
    model.addAttribute("versions", documents.versions(county.code(), year, code));
    model.addAttribute("allocations", allocations.allocations(county.code(), year, code));
    model.addAttribute("totals", allocations.totals(county.code(), year, code));
    model.addAttribute("staff", permissions.isCountyStaff(county.code()));
    model.addAttribute("upload", state.upload);
    model.addAttribute("uploadProblem", state.uploadProblem);
    model.addAttribute("allocation", state.allocation);
    model.addAttribute("allocationErrors", state.allocationErrors);
    model.addAttribute("imported", state.imported);
    model.addAttribute("importProblem", state.importProblem);
  }

  private static String redirect(County county, FiscalYear year, String code) {
    return "redirect:/budget/counties/"
        + county.code()
        + "/"
        + year.label()
        + "/milestones/"
        + code
        + "/documents";
  }

  /** What the forms show again after a refusal. */
  private static final class State {
    Upload upload = Upload.blank();
    UserError uploadProblem;
    AllocationForm allocation = AllocationForm.blank();
    Map<String, String> allocationErrors = Map.of();
    Imported imported;
    UserError importProblem;

    State upload(Upload form, UserError problem) {
      upload = form;
      uploadProblem = problem;
      return this;
    }

    State allocation(AllocationForm form, UserError problem) {
      allocation = form;
      allocationErrors =
          problem instanceof InvalidInput invalid
              ? invalid.fieldErrors()
              : Map.of("programme", problem.messageKey());
      return this;
    }
  }
}
