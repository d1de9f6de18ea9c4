package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletResponse;
import ke.baraza.geography.GeographyApi;
import ke.baraza.meetings.internal.TrainingService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The public check of a training certificate by its verification code. */
@Controller
class CertificatePages {

  private final TrainingService trainings;
  private final GeographyApi geography;

  CertificatePages(TrainingService trainings, GeographyApi geography) {
    this.trainings = trainings;
    this.geography = geography;
  }

  /** The form to type a code; with a code, its page. */
  @GetMapping("/certificates")
  String form(@RequestParam(defaultValue = "") String code) {
    String c = code.replaceAll("[^A-Za-z0-9]", "");
    return c.isEmpty()
        ? "meetings/certificate"
        : "redirect:/certificates/" + UriUtils.encodePathSegment(c, "UTF-8");
  }

  @GetMapping("/certificates/{code}")
  String certificate(@PathVariable String code, Model model, HttpServletResponse response) {
    var found = trainings.verify(code);
    if (found.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
    }
    model.addAttribute("certificate", found.orElse(null));
    model.addAttribute(
        "countyName",
        found
            .flatMap(c -> geography.county(c.countyCode()))
            .map(ke.baraza.geography.County::name)
            .orElse(null));
    model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) : code);
    return "meetings/certificate";
  }
}
