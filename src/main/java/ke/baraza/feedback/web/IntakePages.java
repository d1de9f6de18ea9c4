package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.feedback.Channel;
import ke.baraza.feedback.internal.Filed;
import ke.baraza.feedback.internal.Intake;
import ke.baraza.feedback.internal.IntakeForm;
import ke.baraza.feedback.internal.IntakeLimited;
import ke.baraza.feedback.internal.NewCase;
import ke.baraza.feedback.internal.ServiceAreaCatalogue;
import ke.baraza.geography.County;
import ke.baraza.platform.FileRejected;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public complaint form: no account needed. */
@Controller
class IntakePages {

  private final Intake intake;
  private final ServiceAreaCatalogue areas;
  private final Counties counties;

  IntakePages(Intake intake, ServiceAreaCatalogue areas, Counties counties) {
    this.intake = intake;
    this.areas = areas;
    this.counties = counties;
  }

  @GetMapping("/feedback")
  String choose(Model model) {
    model.addAttribute("counties", counties.all());
    return "feedback/counties";
  }

  @GetMapping("/feedback/{county}/new")
  String form(@PathVariable String county, Model model, HttpServletRequest request) {
    show(model, counties.county(county, request), IntakeForm.blank(), Map.of(), null);
    return "feedback/new";
  }

  /**
   * Files the complaint and shows its tracking page with the private code, once; a refused form
   * comes back with what to mend (400, 413, 415 or 429) and nothing stored.
   */
  @PostMapping("/feedback/{county}")
  String file(
      @PathVariable String county,
      IntakeForm form,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    County chosen = counties.county(county, request);
    try (Uploads uploads = new Uploads(photos)) {
      Filed filed =
          intake.file(
              new NewCase(
                  chosen.code(),
                  form.serviceArea(),
                  form.wardCode(),
                  form.description(),
                  Channel.WEB,
                  locale,
                  form.contact(),
                  form.submission(),
                  uploads.photos(),
                  request.getRemoteAddr(),
                  form.publishAllowed()));
      redirect.addFlashAttribute("filed", filed);
      return "redirect:/track/" + filed.reference();
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, form.again(), invalid.fieldErrors(), null);
    } catch (FileRejected | IntakeLimited refused) {
      response.setStatus(refused.status().value());
      show(model, chosen, form.again(), Map.of(), refused);
    }
    return "feedback/new";
  }

  private void show(
      Model model, County county, IntakeForm form, Map<String, String> errors, UserError problem) {
    model.addAttribute("county", county);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    model.addAttribute("areas", areas.active(county.code()));
    model.addAttribute("wards", counties.wards(county.code()));
  }
}
