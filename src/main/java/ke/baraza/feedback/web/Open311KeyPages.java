package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.feedback.internal.Open311Keys;
import ke.baraza.geography.County;
import ke.baraza.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The county's Open311 API keys: its staff issue one per app or partner, and revoke it. */
@Controller
class Open311KeyPages {

  private final Open311Keys keys;
  private final Counties counties;

  Open311KeyPages(Open311Keys keys, Counties counties) {
    this.keys = keys;
    this.counties = counties;
  }

  @GetMapping("/feedback/{county}/open311-keys")
  String list(@PathVariable String county, Model model, HttpServletRequest request) {
    show(model, counties.county(county, request), null, "", Map.of());
    return "feedback/open311-keys";
  }

  /** Issues a key and shows it once on the page that answers the POST (never in a URL). */
  @PostMapping("/feedback/{county}/open311-keys")
  String issue(
      @PathVariable String county,
      @RequestParam(name = "label", required = false) String label,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    County chosen = counties.county(county, request);
    response.setHeader("Cache-Control", "no-store");
    try {
      show(model, chosen, keys.issue(chosen.code(), label), "", Map.of());
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, null, label == null ? "" : label, invalid.fieldErrors());
    }
    return "feedback/open311-keys";
  }

  @PostMapping("/feedback/{county}/open311-keys/{key}/revoke")
  String revoke(
      @PathVariable String county,
      @PathVariable String key,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    keys.revoke(chosen.code(), key);
    redirect.addFlashAttribute("revoked", true);
    return "redirect:/feedback/" + chosen.code() + "/open311-keys";
  }

  private void show(
      Model model,
      County county,
      Open311Keys.Issued issued,
      String label,
      Map<String, String> errors) {
    model.addAttribute("county", county);
    model.addAttribute("keys", keys.list(county.code()));
    model.addAttribute("issued", issued);
    model.addAttribute("label", label);
    model.addAttribute("errors", errors);
  }
}
