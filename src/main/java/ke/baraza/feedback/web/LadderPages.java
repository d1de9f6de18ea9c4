package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import ke.baraza.feedback.internal.EscalationLadder;
import ke.baraza.feedback.internal.FeedbackPermissions;
import ke.baraza.geography.County;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A county's escalation ladder, kept by its staff: the default one until they change it. */
@Controller
class LadderPages {

  static final int ROWS = 6;

  private final EscalationLadder ladder;
  private final FeedbackPermissions permissions;
  private final Counties counties;

  LadderPages(EscalationLadder ladder, FeedbackPermissions permissions, Counties counties) {
    this.ladder = ladder;
    this.permissions = permissions;
    this.counties = counties;
  }

  @GetMapping("/feedback/{county}/escalation-ladder")
  String show(@PathVariable String county, Model model, HttpServletRequest request) {
    County chosen = counties.county(county, request);
    if (!permissions.isCountyStaff(chosen.code())) {
      throw UserError.forbidden();
    }
    model.addAttribute("county", chosen);
    model.addAttribute("rungs", ladder.of(chosen.code()));
    model.addAttribute("isDefault", ladder.isDefault(chosen.code()));
    return "feedback/casework-ladder";
  }

  /** Saves the ladder from fields {@code en0…en5} and {@code sw0…sw5}. */
  @PostMapping("/feedback/{county}/escalation-ladder")
  String save(
      @PathVariable String county,
      @RequestParam MultiValueMap<String, String> fields,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    List<String[]> names = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      names.add(new String[] {fields.getFirst("en" + i), fields.getFirst("sw" + i)});
    }
    try {
      ladder.save(chosen.code(), names);
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      model.addAttribute("county", chosen);
      model.addAttribute("rungs", ladder.of(chosen.code()));
      model.addAttribute("isDefault", ladder.isDefault(chosen.code()));
      model.addAttribute("problem", invalid.fieldErrors().get("rungs"));
      return "feedback/casework-ladder";
    }
    redirect.addFlashAttribute("notice", "casework.ladder.saved");
    return "redirect:/feedback/" + chosen.code() + "/escalation-ladder";
  }
}
