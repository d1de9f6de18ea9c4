package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.meetings.internal.Certificate;
import ke.baraza.meetings.internal.CertificatePdf;
import ke.baraza.meetings.internal.TrainingService;
import ke.baraza.meetings.internal.TrainingService.TrainingPage;
import ke.baraza.meetings.internal.TrainingTopic;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A training's topic, trainers, participants' scores and certificates (for its organisers), and the
 * public reach of each topic per county and network.
 */
@Controller
class TrainingPages {

  private final TrainingService trainings;
  private final CertificatePdf pdf;
  private final GeographyApi geography;
  private final DirectoryApi directory;

  TrainingPages(
      TrainingService trainings,
      CertificatePdf pdf,
      GeographyApi geography,
      DirectoryApi directory) {
    this.trainings = trainings;
    this.pdf = pdf;
    this.geography = geography;
    this.directory = directory;
  }

  @GetMapping("/meetings/{id}/training")
  String training(@PathVariable String id, Model model, HttpServletRequest request) {
    show(model, request, trainings.page(id), Map.of(), Map.of());
    return "meetings/training";
  }

  @PostMapping("/meetings/{id}/training/topic")
  String topic(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String topic,
      @RequestParam(defaultValue = "") String topicText,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      trainings.saveTopic(id, topic, topicText);
      redirect.addFlashAttribute("notice", "training.saved");
      return "redirect:/meetings/" + id + "/training";
    } catch (InvalidInput invalid) {
      return refused(id, invalid, model, request, response, Map.of("topicText", topicText));
    }
  }

  @PostMapping("/meetings/{id}/training/trainers")
  String addTrainer(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String trainer,
      @RequestParam(defaultValue = "") String trainerOrganisation,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      trainings.addTrainer(id, trainer, trainerOrganisation);
      return "redirect:/meetings/" + id + "/training#trainers";
    } catch (InvalidInput invalid) {
      return refused(
          id,
          invalid,
          model,
          request,
          response,
          Map.of("trainer", trainer, "trainerOrganisation", trainerOrganisation));
    }
  }

  @PostMapping("/meetings/{id}/training/trainers/{trainer}/remove")
  String removeTrainer(@PathVariable String id, @PathVariable String trainer) {
    trainings.removeTrainer(id, trainer);
    return "redirect:/meetings/" + id + "/training#trainers";
  }

  @PostMapping("/meetings/{id}/training/participants/{entry}/scores")
  String scores(
      @PathVariable String id,
      @PathVariable String entry,
      @RequestParam(defaultValue = "") String pre,
      @RequestParam(defaultValue = "") String post,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      trainings.saveScores(id, entry, pre, post);
      redirect.addFlashAttribute("notice", "training.scores.saved");
      return "redirect:/meetings/" + id + "/training#participants";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(
          model,
          request,
          trainings.page(id),
          Map.of(),
          Map.of(entry, invalid.fieldErrors().values().iterator().next()));
      model.addAttribute("scoreValues", Map.of(entry + ".pre", pre, entry + ".post", post));
      return "meetings/training";
    }
  }

  @GetMapping("/meetings/{id}/training/participants/{entry}/certificate")
  ResponseEntity<byte[]> certificate(@PathVariable String id, @PathVariable String entry) {
    Certificate c = trainings.certificate(id, entry);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("certificate-" + c.code() + ".pdf")
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf.render(c));
  }

  @GetMapping("/meetings/trainings")
  String reach(
      @RequestParam(defaultValue = "") String county,
      @RequestParam(defaultValue = "") String network,
      Model model,
      HttpServletRequest request) {
    County chosen = geography.county(county.strip()).orElse(null);
    BodyRef body =
        chosen == null || network.isBlank()
            ? null
            : directory
                .body(network.strip())
                .filter(b -> b.countyCode().equals(chosen.code()))
                .orElse(null);
    if (chosen != null) {
      request.setAttribute(PageContext.COUNTY_ATTRIBUTE, chosen.code());
    }
    model.addAttribute("counties", geography.counties());
    model.addAttribute("county", chosen);
    model.addAttribute("bodies", chosen == null ? List.of() : directory.bodies(chosen.code()));
    model.addAttribute("body", body);
    model.addAttribute("reach", chosen == null ? List.of() : trainings.reach(chosen.code(), body));
    return "meetings/training-reach";
  }

  private String refused(
      String id,
      InvalidInput invalid,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, String> values) {
    response.setStatus(invalid.status().value());
    show(model, request, trainings.page(id), invalid.fieldErrors(), Map.of());
    model.addAttribute("values", values);
    return "meetings/training";
  }

  private void show(
      Model model,
      HttpServletRequest request,
      TrainingPage page,
      Map<String, String> errors,
      Map<String, String> scoreErrors) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, page.meeting().meeting().countyCode());
    model.addAttribute("page", page);
    model.addAttribute("topics", TrainingTopic.values());
    model.addAttribute("errors", errors);
    model.addAttribute("scoreErrors", scoreErrors);
  }
}
