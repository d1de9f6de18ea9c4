package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.internal.Body;
import ke.baraza.directory.internal.BodyService;
import ke.baraza.directory.internal.ImportField;
import ke.baraza.directory.internal.ImportPlan.RowPlan;
import ke.baraza.directory.internal.MemberImports;
import ke.baraza.directory.internal.MemberImports.Undone;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a member or participant list into a body: upload, map columns, preview, import, undo,
 * and the invalid rows as a file to fix and upload again.
 */
@Controller
class ImportPages {

  private static final int ROWS_PER_PAGE = 50;

  private final MemberImports imports;
  private final BodyService bodies;

  ImportPages(MemberImports imports, BodyService bodies) {
    this.imports = imports;
    this.bodies = bodies;
  }

  @GetMapping("/bodies/{id}/imports")
  String start(@PathVariable String id, Model model, HttpServletRequest request) {
    return uploadPage(id, null, model, request);
  }

  @PostMapping("/bodies/{id}/imports")
  String upload(
      @PathVariable String id,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw UserError.badRequest("import.no-file");
      }
      String importId;
      try (InputStream in = file.getInputStream()) {
        importId = imports.upload(id, file.getOriginalFilename(), in);
      }
      return "redirect:/bodies/" + id + "/imports/" + importId;
    } catch (UserError refused) {
      if (refused.status().value() == 403 || refused.status().value() == 404) {
        throw refused;
      }
      response.setStatus(refused.status().value());
      return uploadPage(id, refused, model, request);
    }
  }

  private String uploadPage(String id, UserError error, Model model, HttpServletRequest request) {
    Body body = bodies.find(id);
    model.addAttribute("history", imports.history(id));
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, body.countyCode());
    model.addAttribute("body", body);
    model.addAttribute("error", error);
    return "directory/imports";
  }

  @GetMapping("/bodies/{id}/imports/{importId}")
  String preview(
      @PathVariable String id,
      @PathVariable String importId,
      @RequestParam(defaultValue = "false") boolean invalid,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    MemberImports.Preview preview = imports.preview(id, importId);
    List<RowPlan> rows =
        invalid
            ? preview.plan().rows().stream().filter(r -> !r.valid()).toList()
            : preview.plan().rows();
    int from = Math.min(Math.max(page, 0) * ROWS_PER_PAGE, rows.size());
    model.addAttribute(
        "rows",
        new PageResult<>(
            rows.subList(from, Math.min(from + ROWS_PER_PAGE, rows.size())),
            from / ROWS_PER_PAGE,
            ROWS_PER_PAGE,
            rows.size()));
    Body body = bodies.find(id);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, body.countyCode());
    model.addAttribute("body", body);
    model.addAttribute("preview", preview);
    model.addAttribute("fields", ImportField.values());
    return "directory/import";
  }

  @PostMapping("/bodies/{id}/imports/{importId}/mapping")
  String map(
      @PathVariable String id,
      @PathVariable String importId,
      @RequestParam(name = "column", required = false) List<String> columns) {
    imports.map(id, importId, columns == null ? List.of() : columns);
    return "redirect:/bodies/" + id + "/imports/" + importId;
  }

  @PostMapping("/bodies/{id}/imports/{importId}/apply")
  String apply(
      @PathVariable String id, @PathVariable String importId, RedirectAttributes redirect) {
    imports.apply(id, importId);
    redirect.addFlashAttribute("notice", "import.applied");
    return "redirect:/bodies/" + id + "/imports/" + importId;
  }

  @PostMapping("/bodies/{id}/imports/{importId}/undo")
  String undo(@PathVariable String id, @PathVariable String importId, RedirectAttributes redirect) {
    Undone undone = imports.undo(id, importId);
    redirect.addFlashAttribute("notice", "import.undone");
    redirect.addFlashAttribute("kept", undone.kept());
    return "redirect:/bodies/" + id + "/imports/" + importId;
  }

  @GetMapping("/bodies/{id}/imports/{importId}/invalid.csv")
  void invalidCsv(
      @PathVariable String id,
      @PathVariable String importId,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    invalid(id, importId, TabularFormat.CSV, locale, response);
  }

  @GetMapping("/bodies/{id}/imports/{importId}/invalid.xlsx")
  void invalidXlsx(
      @PathVariable String id,
      @PathVariable String importId,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    invalid(id, importId, TabularFormat.XLSX, locale, response);
  }

  private void invalid(
      String id, String importId, TabularFormat format, Locale locale, HttpServletResponse response)
      throws IOException {
    imports.find(id, importId); // refused before any header of the download is set
    format.download(response, "invalid-rows-" + importId);
    imports.writeInvalidRows(id, importId, format, locale, response.getOutputStream());
  }
}
