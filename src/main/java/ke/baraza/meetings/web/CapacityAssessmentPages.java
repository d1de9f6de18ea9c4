package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ke.baraza.meetings.internal.AssessmentDomain;
import ke.baraza.meetings.internal.CapacityAssessmentForm;
import ke.baraza.meetings.internal.CapacityAssessmentService;
import ke.baraza.meetings.internal.CapacityAssessmentService.Progress;
import ke.baraza.meetings.internal.CapacityAssessmentService.Round;
import ke.baraza.platform.Charts;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Capacity assessments: an organisation's (with the form to add one) and a network's progress, as
 * an SVG chart and the same figures as a table.
 */
@Controller
class CapacityAssessmentPages {

  private final CapacityAssessmentService assessments;
  private final MessageSource messages;

  CapacityAssessmentPages(CapacityAssessmentService assessments, MessageSource messages) {
    this.assessments = assessments;
    this.messages = messages;
  }

  @GetMapping("/capacity/organisations/{id}")
  String organisation(@PathVariable String id, Model model, HttpServletRequest request) {
    show(model, request, assessments.ofOrganisation(id), CapacityAssessmentForm.blank(), Map.of());
    return "meetings/capacity";
  }

  @PostMapping("/capacity/organisations/{id}")
  String assess(
      @PathVariable String id,
      CapacityAssessmentForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      assessments.record(id, form);
      redirect.addFlashAttribute("notice", "capacity.saved");
      return "redirect:/capacity/organisations/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, request, assessments.ofOrganisation(id), form, invalid.fieldErrors());
      return "meetings/capacity";
    }
  }

  @GetMapping("/capacity/networks/{id}")
  String network(@PathVariable String id, Model model, HttpServletRequest request) {
    show(model, request, assessments.ofNetwork(id), CapacityAssessmentForm.blank(), Map.of());
    return "meetings/capacity";
  }

  private void show(
      Model model,
      HttpServletRequest request,
      Progress progress,
      CapacityAssessmentForm form,
      Map<String, String> errors) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, progress.countyCode());
    model.addAttribute("progress", progress);
    model.addAttribute("domains", AssessmentDomain.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("chart", progress.rounds().isEmpty() ? null : chart(progress.rounds()));
  }

  private String chart(List<Round> rounds) {
    var locale = LocaleContextHolder.getLocale();
    List<String> labels = rounds.stream().map(r -> r.date().toString()).toList();
    List<Charts.Series> series = new ArrayList<>();
    for (AssessmentDomain d : AssessmentDomain.values()) {
      series.add(
          new Charts.Series(
              messages.getMessage(d.messageKey(), null, locale),
              rounds.stream().map(r -> r.averages().get(d)).toList()));
    }
    return Charts.lineChart(
        messages.getMessage("capacity.chart.title", null, locale), labels, series, 1, 5);
  }
}
