package ke.baraza.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import ke.baraza.plans.internal.CommitmentStatus;
import ke.baraza.plans.internal.Completion;
import ke.baraza.plans.internal.Dimension;
import ke.baraza.plans.internal.Frequency;
import ke.baraza.plans.internal.MilestoneStatus;
import ke.baraza.plans.internal.OpenedGovernment;
import ke.baraza.plans.internal.PlanForms.AssessmentForm;
import ke.baraza.plans.internal.PlanForms.CommitmentForm;
import ke.baraza.plans.internal.PlanForms.EvidenceLinkForm;
import ke.baraza.plans.internal.PlanForms.IndicatorForm;
import ke.baraza.plans.internal.PlanForms.MilestoneForm;
import ke.baraza.plans.internal.PlanForms.MilestoneStatusForm;
import ke.baraza.plans.internal.PlanForms.ValueForm;
import ke.baraza.plans.internal.PlanQueries;
import ke.baraza.plans.internal.PlanQueries.CommitmentPage;
import ke.baraza.plans.internal.PlanQueries.IndicatorLine;
import ke.baraza.plans.internal.PlanService;
import ke.baraza.plans.internal.PlanService.Commitment;
import ke.baraza.plans.internal.PlanService.Plan;
import ke.baraza.plans.internal.PotentialResults;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A commitment's page (public: milestones with evidence, indicators with charts, accepted reports,
 * assessments) with the forms of those who coordinate, report on or assess it.
 */
@Controller
class CommitmentPages {

  private final PlanService plans;
  private final PlanQueries queries;
  private final FileStore files;
  private final MessageSource messages;

  CommitmentPages(PlanService plans, PlanQueries queries, FileStore files, MessageSource messages) {
    this.plans = plans;
    this.queries = queries;
    this.files = files;
    this.messages = messages;
  }

  @GetMapping("/plans/{id}/commitments/new")
  String blank(@PathVariable String id, Model model, HttpServletRequest request) {
    Plan plan = plans.plan(id);
    if (!plans.mayCoordinate(plan)) {
      throw UserError.forbidden();
    }
    form(
        model,
        request,
        plan,
        null,
        new CommitmentForm(
            "", "", "", "", "", List.of(), "", CommitmentStatus.NOT_STARTED.name(), "QUARTERLY"));
    return "plans/commitment-form";
  }

  @PostMapping("/plans/{id}/commitments")
  String create(@PathVariable String id, CommitmentForm form, RedirectAttributes redirect) {
    String commitment = plans.addCommitment(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment;
  }

  @GetMapping("/commitments/{id}/edit")
  String edit(@PathVariable String id, Model model, HttpServletRequest request) {
    Commitment c = plans.commitment(id);
    if (!plans.mayCoordinate(c.plan())) {
      throw UserError.forbidden();
    }
    CommitmentPage page = queries.commitmentPage(id);
    form(
        model,
        request,
        c.plan(),
        c,
        new CommitmentForm(
            c.ambitionArea(),
            c.title(),
            c.problem() == null ? "" : c.problem(),
            c.description() == null ? "" : c.description(),
            c.leadRef(),
            page.supporters().stream().map(PlanQueries.Party::ref).toList(),
            c.programmeCode() == null ? "" : c.programmeCode(),
            c.status().name(),
            c.reportFrequency().name()));
    return "plans/commitment-form";
  }

  private void form(
      Model model, HttpServletRequest request, Plan plan, Commitment c, CommitmentForm form) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, plan.countyCode());
    model.addAttribute("plan", plan);
    model.addAttribute("commitment", c);
    model.addAttribute("form", form);
    model.addAttribute("organisations", queries.organisations(plan.countyCode()));
    model.addAttribute("programmes", queries.programmes(plan.id()));
    model.addAttribute("statuses", CommitmentStatus.values());
  }

  @PostMapping("/commitments/{id}")
  String update(@PathVariable String id, CommitmentForm form, RedirectAttributes redirect) {
    plans.update(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + id;
  }

  @GetMapping("/commitments/{id}")
  String show(@PathVariable String id, Model model, HttpServletRequest request) {
    CommitmentPage page = queries.commitmentPage(id);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, page.commitment().plan().countyCode());
    model.addAttribute("p", page);
    List<String> charts = new ArrayList<>();
    for (IndicatorLine i : page.indicators()) {
      charts.add(PlanPages.chart(i, messages, LocaleContextHolder.getLocale()));
    }
    model.addAttribute("charts", charts);
    model.addAttribute("milestoneStatuses", MilestoneStatus.values());
    model.addAttribute("frequencies", Frequency.values());
    model.addAttribute("dimensions", Dimension.values());
    model.addAttribute("completions", Completion.values());
    model.addAttribute("potentials", PotentialResults.values());
    model.addAttribute("opened", OpenedGovernment.values());
    return "plans/commitment";
  }

  @PostMapping("/commitments/{id}/milestones")
  String addMilestone(@PathVariable String id, MilestoneForm form, RedirectAttributes redirect) {
    plans.addMilestone(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + id + "#milestones";
  }

  @PostMapping("/commitments/{id}/indicators")
  String addIndicator(@PathVariable String id, IndicatorForm form, RedirectAttributes redirect) {
    plans.addIndicator(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + id + "#indicators";
  }

  @PostMapping("/commitments/{id}/assessments")
  String assess(@PathVariable String id, AssessmentForm form, RedirectAttributes redirect) {
    plans.assess(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + id + "#assessments";
  }

  @PostMapping("/milestones/{id}/status")
  String milestoneStatus(
      @PathVariable String id, MilestoneStatusForm form, RedirectAttributes redirect) {
    String commitment = plans.setMilestoneStatus(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment + "#milestones";
  }

  @PostMapping("/milestones/{id}")
  String editMilestone(@PathVariable String id, MilestoneForm form, RedirectAttributes redirect) {
    String commitment = plans.updateMilestone(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment + "#milestones";
  }

  @PostMapping("/indicators/{id}")
  String editIndicator(@PathVariable String id, IndicatorForm form, RedirectAttributes redirect) {
    String commitment = plans.updateIndicator(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment + "#indicators";
  }

  @PostMapping("/milestones/{id}/links")
  String link(@PathVariable String id, EvidenceLinkForm form, RedirectAttributes redirect) {
    String commitment = plans.addEvidenceLink(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment + "#milestones";
  }

  @PostMapping("/milestones/{id}/files")
  String file(
      @PathVariable String id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    String commitment;
    try (InputStream in = file.getInputStream()) {
      commitment = plans.addEvidenceFile(id, in, file.getOriginalFilename());
    }
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment + "#milestones";
  }

  @GetMapping("/milestones/{id}/evidence/{file}")
  ResponseEntity<Resource> evidence(@PathVariable String id, @PathVariable String file)
      throws IOException {
    return files.download(plans.evidenceFile(id, file));
  }

  @PostMapping("/indicators/{id}/values")
  String value(@PathVariable String id, ValueForm form, RedirectAttributes redirect) {
    String commitment = plans.recordValue(id, form);
    redirect.addFlashAttribute("notice", "plan.saved");
    return "redirect:/commitments/" + commitment + "#indicators";
  }
}
