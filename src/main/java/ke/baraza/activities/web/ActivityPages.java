package ke.baraza.activities.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.activities.ActivityStatus;
import ke.baraza.activities.Theme;
import ke.baraza.activities.internal.ActivityForm;
import ke.baraza.activities.internal.ActivityPermissions;
import ke.baraza.activities.internal.ActivityQueries;
import ke.baraza.activities.internal.ActivityQueries.Filter;
import ke.baraza.activities.internal.ActivityService;
import ke.baraza.activities.internal.ActivityService.ActivityPage;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording and editing activities, an activity's page, and the lists per organisation and county.
 */
@Controller
class ActivityPages {

  static final int PAGE_SIZE = 20;

  private final ActivityService activities;
  private final ActivityQueries queries;
  private final ActivityPermissions permissions;
  private final DirectoryApi directory;
  private final GeographyApi geography;

  ActivityPages(
      ActivityService activities,
      ActivityQueries queries,
      ActivityPermissions permissions,
      DirectoryApi directory,
      GeographyApi geography) {
    this.activities = activities;
    this.queries = queries;
    this.permissions = permissions;
    this.directory = directory;
    this.geography = geography;
  }

  @GetMapping("/activities/new")
  String newActivity(
      @RequestParam(defaultValue = "") String organisation,
      Model model,
      HttpServletRequest request) {
    OrganisationSummary chosen = activities.organisationToRecord(organisation);
    showForm(model, request, chosen, null, ActivityForm.blank(), Map.of());
    return "activities/edit";
  }

  @PostMapping("/activities")
  String create(
      @RequestParam(defaultValue = "") String organisation,
      ActivityForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      String id = activities.create(organisation, form);
      redirect.addFlashAttribute("notice", "activity.recorded");
      return "redirect:/activities/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      showForm(
          model,
          request,
          activities.organisationToRecord(organisation),
          null,
          form,
          invalid.fieldErrors());
      return "activities/edit";
    }
  }

  @GetMapping("/activities/{id}")
  String activity(@PathVariable String id, Model model, HttpServletRequest request) {
    ActivityPage page = activities.page(id);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, page.activity().countyCode());
    model.addAttribute("page", page);
    return "activities/activity";
  }

  @GetMapping("/activities/{id}/edit")
  String edit(@PathVariable String id, Model model, HttpServletRequest request) {
    ActivityPage page = activities.forEditing(id);
    showForm(
        model,
        request,
        page.organisation(),
        page,
        ActivityForm.of(page.activity(), activities.wardCodes(page.activity().id())),
        Map.of());
    return "activities/edit";
  }

  @PostMapping("/activities/{id}")
  String update(
      @PathVariable String id,
      @RequestParam(defaultValue = "-1") long version,
      ActivityForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      activities.update(id, form, version);
      redirect.addFlashAttribute("notice", "activity.saved");
      return "redirect:/activities/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      ActivityPage page = activities.forEditing(id);
      showForm(model, request, page.organisation(), page, form, invalid.fieldErrors());
      return "activities/edit";
    }
  }

  @GetMapping("/activities/organisations/{id}")
  String ofOrganisation(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    OrganisationSummary organisation =
        directory
            .organisation(id)
            .orElseThrow(() -> UserError.notFound("activity.organisation.unknown"));
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, organisation.countyCode());
    boolean record = permissions.mayRecord(organisation.publicId(), organisation.countyCode());
    boolean internal = record || permissions.mayCoordinate(organisation.countyCode());
    model.addAttribute("organisation", organisation);
    model.addAttribute("record", record);
    model.addAttribute(
        "result",
        queries.list(
            new Filter(null, organisation.publicId(), null, null, null),
            internal,
            new PageRequest(page, PAGE_SIZE)));
    return "activities/organisation";
  }

  @GetMapping("/activities/counties/{code}")
  String ofCounty(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String theme,
      @RequestParam(defaultValue = "") String ward,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    County county = WherePages.county(geography, code, request);
    String chosenTheme = known(Theme.class, theme);
    String chosenStatus = known(ActivityStatus.class, status);
    String chosenWard = ward.matches("\\d{4}") ? ward : null;
    model.addAttribute("county", county);
    model.addAttribute("theme", chosenTheme);
    model.addAttribute("ward", chosenWard);
    model.addAttribute("status", chosenStatus);
    model.addAttribute("themes", Theme.values());
    model.addAttribute("statuses", ActivityStatus.values());
    model.addAttribute(
        "wards", geography.wards(county.code(), new PageRequest(0, PageRequest.MAX_SIZE)).items());
    model.addAttribute("coordinate", permissions.mayCoordinate(county.code()));
    model.addAttribute(
        "result",
        queries.list(
            new Filter(county.code(), null, chosenTheme, chosenWard, chosenStatus),
            permissions.mayCoordinate(county.code()),
            new PageRequest(page, PAGE_SIZE)));
    return "activities/county";
  }

  private static <E extends Enum<E>> String known(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return value;
      }
    }
    return null;
  }

  private void showForm(
      Model model,
      HttpServletRequest request,
      OrganisationSummary organisation,
      ActivityPage page,
      ActivityForm form,
      Map<String, String> errors) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, organisation.countyCode());
    model.addAttribute("organisation", organisation);
    model.addAttribute("activity", page == null ? null : page.activity());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("themes", Theme.values());
    model.addAttribute("statuses", ActivityStatus.values());
    model.addAttribute(
        "wards",
        geography
            .wards(organisation.countyCode(), new PageRequest(0, PageRequest.MAX_SIZE))
            .items());
  }
}
