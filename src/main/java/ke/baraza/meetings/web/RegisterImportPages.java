package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import ke.baraza.meetings.internal.AttendanceService;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.meetings.internal.RegisterImport;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.TabularFormat;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A paper register uploaded as CSV or XLSX: the upload, its report and its bad rows. */
@Controller
class RegisterImportPages {

  private final RegisterImport imports;
  private final AttendanceService attendance;

  RegisterImportPages(RegisterImport imports, AttendanceService attendance) {
    this.imports = imports;
    this.attendance = attendance;
  }

  @PostMapping("/meetings/{id}/attendance/imports")
  String upload(
      @PathVariable String id,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    MeetingPage page = attendance.register(id);
    try {
      if (file == null || file.isEmpty()) {
        throw UserError.badRequest("register.no-file");
      }
      RegisterImport.Result result;
      try (InputStream in = file.getInputStream()) {
        result = imports.upload(id, file.getOriginalFilename(), in);
      }
      redirect.addFlashAttribute("ignored", result.ignored());
      return "redirect:/meetings/" + id + "/attendance/imports/" + result.publicId();
    } catch (UserError refused) {
      if (refused.status().value() == 403 || refused.status().value() == 404) {
        throw refused;
      }
      response.setStatus(refused.status().value());
      request.setAttribute(PageContext.COUNTY_ATTRIBUTE, page.meeting().countyCode());
      model.addAttribute("page", page);
      model.addAttribute("report", null);
      model.addAttribute("error", refused);
      return "meetings/register-import";
    }
  }

  @GetMapping("/meetings/{id}/attendance/imports/{importId}")
  String report(
      @PathVariable String id,
      @PathVariable String importId,
      Model model,
      HttpServletRequest request) {
    MeetingPage page = attendance.register(id);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, page.meeting().countyCode());
    model.addAttribute("page", page);
    model.addAttribute("report", imports.report(id, importId));
    model.addAttribute("error", null);
    return "meetings/register-import";
  }

  @GetMapping("/meetings/{id}/attendance/imports/{importId}/problems.csv")
  void problemsCsv(
      @PathVariable String id,
      @PathVariable String importId,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    problems(id, importId, TabularFormat.CSV, locale, response);
  }

  @GetMapping("/meetings/{id}/attendance/imports/{importId}/problems.xlsx")
  void problemsXlsx(
      @PathVariable String id,
      @PathVariable String importId,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    problems(id, importId, TabularFormat.XLSX, locale, response);
  }

  private void problems(
      String id, String importId, TabularFormat format, Locale locale, HttpServletResponse response)
      throws IOException {
    imports.report(id, importId); // refused before any header of the download is set
    format.download(response, "register-problems-" + importId);
    imports.problems(id, importId, format, locale, response.getOutputStream());
  }
}
