package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.feedback.internal.CaseAccess;
import ke.baraza.feedback.internal.CaseActionForm;
import ke.baraza.feedback.internal.CaseQueries;
import ke.baraza.feedback.internal.Casework;
import ke.baraza.feedback.internal.Officers;
import ke.baraza.feedback.internal.ServiceAreaCatalogue;
import ke.baraza.geography.County;
import ke.baraza.geography.Ward;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' side: a county's case queue with filters, paging, service-charter colours and bulk
 * assignment; a case page with its whole timeline and the actions its status allows; and, for the
 * public form, the open cases that may be the same problem.
 */
@Controller
class CasePages {

  static final int PAGE_SIZE = 50;

  private final CaseAccess access;
  private final CaseQueries queries;
  private final Casework casework;
  private final Officers officers;
  private final ServiceAreaCatalogue areas;
  private final Counties counties;

  CasePages(
      CaseAccess access,
      CaseQueries queries,
      Casework casework,
      Officers officers,
      ServiceAreaCatalogue areas,
      Counties counties) {
    this.access = access;
    this.queries = queries;
    this.casework = casework;
    this.officers = officers;
    this.areas = areas;
    this.counties = counties;
  }

  @GetMapping("/feedback/{county}/casework")
  String queue(
      @PathVariable String county,
      CaseQueries.QueueFilter filter,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    County chosen = counties.county(county, request);
    CaseAccess.Scope scope = access.scope(chosen.code());
    officers.seen(scope);
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    model.addAttribute("county", chosen);
    model.addAttribute("filter", filter);
    model.addAttribute("cases", queries.queue(scope, filter, new PageRequest(page, PAGE_SIZE)));
    common(model, scope);
    return "feedback/queue-list";
  }

  /** Assigns the cases ticked in the queue to one department and, optionally, one officer. */
  @PostMapping("/feedback/{county}/casework/assign")
  String assignAll(
      @PathVariable String county,
      CaseActionForm form,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    try {
      int n = casework.assignAll(chosen.code(), form);
      redirect.addFlashAttribute("notice", "casework.bulk.done");
      redirect.addFlashAttribute("noticeCount", n);
    } catch (InvalidInput invalid) {
      redirect.addFlashAttribute("problem", invalid.fieldErrors().values().iterator().next());
    } catch (UserError refused) {
      if (refused.status().value() != 409) {
        throw refused;
      }
      redirect.addFlashAttribute("problem", refused.messageKey());
    }
    return "redirect:/feedback/" + chosen.code() + "/casework";
  }

  @GetMapping("/feedback/{county}/casework/{reference}")
  String show(
      @PathVariable String county,
      @PathVariable String reference,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    County chosen = counties.county(county, request);
    CaseAccess.Scope scope = access.scope(chosen.code());
    officers.seen(scope);
    page(model, chosen, scope, reference, Map.of(), response);
    return "feedback/case-page";
  }

  @PostMapping("/feedback/{county}/casework/{reference}/{action}")
  String act(
      @PathVariable String county,
      @PathVariable String reference,
      @PathVariable String action,
      CaseActionForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    try {
      casework.act(chosen.code(), reference, action, form);
      redirect.addFlashAttribute("notice", "casework.done." + action);
      return "redirect:/feedback/" + chosen.code() + "/casework/" + reference;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      model.addAttribute("form", form);
      page(model, chosen, access.scope(chosen.code()), reference, invalid.fieldErrors(), response);
      return "feedback/case-page";
    } catch (UserError refused) {
      if (refused.status().value() != 409) {
        throw refused;
      }
      response.setStatus(409);
      model.addAttribute("problem", refused.messageKey());
      page(model, chosen, access.scope(chosen.code()), reference, Map.of(), response);
      return "feedback/case-page";
    }
  }

  /**
   * The open cases of the same service area in the same ward, for the public form (an htmx
   * fragment): references, statuses and dates only.
   */
  @GetMapping("/feedback/{county}/similar")
  String similar(
      @PathVariable String county,
      @RequestParam(defaultValue = "") String serviceArea,
      @RequestParam(defaultValue = "") String wardCode,
      Model model,
      HttpServletRequest request) {
    County chosen = counties.county(county, request);
    model.addAttribute("similar", queries.similar(chosen.code(), serviceArea, wardCode, null));
    return "feedback/case-similar";
  }

  private void page(
      Model model,
      County county,
      CaseAccess.Scope scope,
      String reference,
      Map<String, String> errors,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    model.addAttribute("county", county);
    CaseQueries.CaseDetail detail = queries.detail(scope, reference);
    model.addAttribute("detail", detail);
    model.addAttribute("errors", errors);
    model.addAttribute("wardName", counties.wardName(detail.filed().wardCode()));
    common(model, scope);
  }

  private void common(Model model, CaseAccess.Scope scope) {
    Map<String, String> departments =
        areas.departments(scope.countyCode()).stream()
            .filter(d -> scope.wholeCounty() || scope.departments().contains(d.publicId()))
            .collect(
                Collectors.toMap(
                    OrganisationSummary::publicId,
                    OrganisationSummary::name,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    model.addAttribute("departments", departments);
    model.addAttribute("officers", officers.of(scope));
    model.addAttribute("areas", areas.of(scope.countyCode()));
    List<Counties.WardGroup> wards = counties.wards(scope.countyCode());
    model.addAttribute("wards", wards);
    model.addAttribute(
        "wardNames",
        wards.stream()
            .flatMap(g -> g.wards().stream())
            .collect(Collectors.toMap(Ward::code, Ward::name, (a, b) -> a)));
    model.addAttribute("scope", scope);
  }
}
