package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import ke.baraza.budget.internal.BudgetCalendar;
import ke.baraza.budget.internal.BudgetPermissions;
import ke.baraza.budget.internal.Participation;
import ke.baraza.budget.internal.Participation.ForumForm;
import ke.baraza.budget.internal.Participation.ViewForm;
import ke.baraza.budget.internal.Participation.Window;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.UserError;
import org.springframework.core.io.Resource;
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
 * A document's participation page: anyone sends a view on the web, organisations a memorandum;
 * county staff add forums and a clerk types in the paper forms collected at them.
 */
@Controller
class ParticipationPages {

  private final Participation participation;
  private final BudgetCalendar calendar;
  private final BudgetPermissions permissions;
  private final Places places;
  private final FileStore files;

  ParticipationPages(
      Participation participation,
      BudgetCalendar calendar,
      BudgetPermissions permissions,
      Places places,
      FileStore files) {
    this.files = files;
    this.participation = participation;
    this.calendar = calendar;
    this.permissions = permissions;
    this.places = places;
  }

  /** An empty view form with a fresh token, so that a double click records one view. */
  static ViewForm blank() {
    return new ViewForm("", "", "", "", "", "", "", "", "", "", UUID.randomUUID().toString());
  }

  @GetMapping("/budget/participation/{id}")
  String page(@PathVariable String id, Model model, HttpServletRequest request) {
    show(model, participation.window(id), blank(), null, request);
    return "budget/participation";
  }

  @PostMapping("/budget/participation/{id}/views")
  String view(
      @PathVariable String id,
      ViewForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Window window = participation.window(id);
    try {
      String view = participation.submitOnline(id, form, RequestContextUtils.getLocale(request));
      return "redirect:/budget/views/" + view + "?received";
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      show(model, window, form, refused, request);
      return "budget/participation";
    }
  }

  @PostMapping("/budget/participation/{id}/memoranda")
  String memorandum(
      @PathVariable String id,
      ViewForm form,
      @RequestParam(defaultValue = "") String organisation,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Window window = participation.window(id);
    boolean none = file == null || (file.isEmpty() && blankName(file));
    try (InputStream in = none ? null : file.getInputStream()) {
      String view =
          participation.submitMemorandum(
              id,
              form,
              organisation,
              in,
              none ? null : file.getOriginalFilename(),
              RequestContextUtils.getLocale(request));
      return "redirect:/budget/views/" + view + "?received";
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      show(model, window, form, refused, request);
      return "budget/participation";
    }
  }

  @GetMapping("/budget/participation/{id}/memoranda/{view}/file")
  ResponseEntity<Resource> memorandumFile(@PathVariable String id, @PathVariable String view)
      throws IOException {
    var file = participation.memorandumFile(id, view);
    return files.download(file);
  }

  @PostMapping("/budget/participation/{id}/forums")
  String forum(@PathVariable String id, ForumForm form) {
    participation.addForum(id, form);
    return "redirect:/budget/participation/" + id;
  }

  @GetMapping("/budget/participation/{id}/paper")
  String paper(
      @PathVariable String id,
      @RequestParam(required = false) String entered,
      Model model,
      HttpServletRequest request) {
    Window window = participation.window(id);
    permissions.requireCountyStaff(window.countyCode());
    showPaper(model, window, blank(), null, entered, request);
    return "budget/paper";
  }

  @PostMapping("/budget/participation/{id}/paper")
  String enterPaper(
      @PathVariable String id,
      ViewForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Window window = participation.window(id);
    try {
      String view = participation.submitFromPaper(id, form);
      return "redirect:/budget/participation/" + id + "/paper?entered=" + view;
    } catch (UserError refused) {
      if (refused.status().value() == 403) {
        throw refused;
      }
      response.setStatus(refused.status().value());
      showPaper(model, window, form, refused, null, request);
      return "budget/paper";
    }
  }

  private void show(
      Model model, Window window, ViewForm form, UserError problem, HttpServletRequest request) {
    places.county(window.countyCode(), request);
    model.addAttribute("window", window);
    model.addAttribute(
        "milestone",
        calendar.milestone(window.countyCode(), window.year(), window.milestoneCode()));
    model.addAttribute("county", places.county(window.countyCode(), null));
    model.addAttribute("open", !window.reportPublished() && window.openOn(calendar.today()));
    model.addAttribute("programmes", participation.programmes(window));
    model.addAttribute("forums", participation.forums(window));
    model.addAttribute("wards", participation.wards(window.countyCode()));
    model.addAttribute("staff", permissions.isCountyStaff(window.countyCode()));
    model.addAttribute("signedIn", CurrentUser.get().isPresent());
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("genders", Gender.values());
    model.addAttribute("ages", AgeBand.values());
  }

  private void showPaper(
      Model model,
      Window window,
      ViewForm form,
      UserError problem,
      String entered,
      HttpServletRequest request) {
    places.county(window.countyCode(), request);
    model.addAttribute("window", window);
    model.addAttribute("county", places.county(window.countyCode(), null));
    model.addAttribute("programmes", participation.programmes(window));
    model.addAttribute("forums", participation.forums(window));
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("entered", entered);
    model.addAttribute("genders", Gender.values());
    model.addAttribute("ages", AgeBand.values());
  }

  private static boolean blankName(MultipartFile file) {
    return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
  }
}
