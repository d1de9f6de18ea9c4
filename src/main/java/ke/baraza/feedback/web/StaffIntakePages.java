package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.feedback.Channel;
import ke.baraza.feedback.internal.FeedbackPermissions;
import ke.baraza.feedback.internal.Filed;
import ke.baraza.feedback.internal.Intake;
import ke.baraza.feedback.internal.IntakeForm;
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

/**
 * County staff type in what came by phone, in person, in a suggestion box or by letter. The
 * reference and private code are shown to the staff member, to pass on; a contact given gets them
 * by SMS or e-mail too.
 */
@Controller
class StaffIntakePages {

  static final List<Channel> CHANNELS =
      Arrays.stream(Channel.values()).filter(Channel::staffEntry).toList();

  private final Intake intake;
  private final ServiceAreaCatalogue areas;
  private final FeedbackPermissions permissions;
  private final Counties counties;

  StaffIntakePages(
      Intake intake,
      ServiceAreaCatalogue areas,
      FeedbackPermissions permissions,
      Counties counties) {
    this.intake = intake;
    this.areas = areas;
    this.permissions = permissions;
    this.counties = counties;
  }

  @GetMapping("/feedback/{county}/staff-entry")
  String form(@PathVariable String county, Model model, HttpServletRequest request) {
    County chosen = counties.county(county, request);
    if (!permissions.isCountyStaff(chosen.code())) {
      throw UserError.forbidden();
    }
    show(model, chosen, IntakeForm.blank(), Map.of(), null);
    return "feedback/staff-entry";
  }

  @PostMapping("/feedback/{county}/staff-entry")
  String file(
      @PathVariable String county,
      IntakeForm form,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    County chosen = counties.county(county, request);
    if (!permissions.isCountyStaff(chosen.code())) {
      throw UserError.forbidden();
    }
    Channel channel =
        CHANNELS.stream().filter(c -> c.name().equals(form.channel())).findFirst().orElse(null);
    if (channel == null) {
      response.setStatus(400);
      show(model, chosen, form.again(), Map.of("channel", "feedback.case.channel.invalid"), null);
      return "feedback/staff-entry";
    }
    try (Uploads uploads = new Uploads(photos)) {
      Filed filed =
          intake.file(
              new NewCase(
                  chosen.code(),
                  form.serviceArea(),
                  form.wardCode(),
                  form.description(),
                  channel,
                  "sw".equals(form.language()) ? Locale.forLanguageTag("sw") : Locale.ENGLISH,
                  form.contact(),
                  form.submission(),
                  uploads.photos(),
                  null));
      redirect.addFlashAttribute("filed", filed);
      return "redirect:/feedback/" + chosen.code() + "/staff-entry";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, form.again(), invalid.fieldErrors(), null);
    } catch (FileRejected refused) {
      response.setStatus(refused.status().value());
      show(model, chosen, form.again(), Map.of(), refused);
    }
    return "feedback/staff-entry";
  }

  private void show(
      Model model, County county, IntakeForm form, Map<String, String> errors, UserError problem) {
    model.addAttribute("county", county);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    model.addAttribute("channels", CHANNELS);
    model.addAttribute("areas", areas.active(county.code()));
    model.addAttribute("wards", counties.wards(county.code()));
  }
}
