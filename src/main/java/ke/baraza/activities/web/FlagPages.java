package ke.baraza.activities.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.activities.internal.FlagService;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.InvalidInput;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The county's overlap flags for its coordinators, and where new ones are mailed. */
@Controller
class FlagPages {

  private final FlagService flags;
  private final GeographyApi geography;

  FlagPages(FlagService flags, GeographyApi geography) {
    this.flags = flags;
    this.geography = geography;
  }

  @GetMapping("/activities/counties/{code}/flags")
  String flags(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    County county = WherePages.county(geography, code, request);
    show(model, county, status, page, Map.of(), null, null);
    return "activities/flags";
  }

  @PostMapping("/activities/counties/{code}/flags/{flag}")
  String resolve(
      @PathVariable String code,
      @PathVariable String flag,
      @RequestParam(defaultValue = "") String resolution,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County county = WherePages.county(geography, code, request);
    try {
      String flagCounty = flags.resolve(flag, resolution, reason);
      redirect.addFlashAttribute("notice", "activity.flag.resolved");
      return "redirect:/activities/counties/" + flagCounty + "/flags";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, county, "", 0, invalid.fieldErrors(), flag, reason);
      return "activities/flags";
    }
  }

  @PostMapping("/activities/counties/{code}/flag-recipients")
  String addRecipient(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "en") String language,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County county = WherePages.county(geography, code, request);
    try {
      flags.addRecipient(county.code(), email, language);
      redirect.addFlashAttribute("notice", "activity.recipient.added");
      return "redirect:/activities/counties/" + county.code() + "/flags#recipients";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, county, "", 0, invalid.fieldErrors(), null, null);
      model.addAttribute("emailValue", email);
      return "activities/flags";
    }
  }

  @PostMapping("/activities/counties/{code}/flag-recipients/{recipient}/remove")
  String removeRecipient(
      @PathVariable String code,
      @PathVariable String recipient,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    County county = WherePages.county(geography, code, request);
    flags.removeRecipient(county.code(), recipient);
    redirect.addFlashAttribute("notice", "activity.recipient.removed");
    return "redirect:/activities/counties/" + county.code() + "/flags#recipients";
  }

  private void show(
      Model model,
      County county,
      String status,
      int page,
      Map<String, String> errors,
      String flag,
      String reason) {
    String chosen =
        switch (status) {
          case "OPEN", "COORDINATED", "NOT_DUPLICATE" -> status;
          default -> null;
        };
    model.addAttribute("county", county);
    model.addAttribute("status", chosen);
    model.addAttribute("result", flags.flags(county.code(), chosen, new PageRequest(page, 20)));
    model.addAttribute("recipients", flags.recipients(county.code()));
    model.addAttribute("errors", errors);
    model.addAttribute("errorFlag", flag);
    model.addAttribute("reasonValue", reason == null ? "" : reason);
    model.addAttribute("emailValue", "");
  }
}
