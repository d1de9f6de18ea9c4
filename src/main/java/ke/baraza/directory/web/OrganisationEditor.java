package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.RegistrationBody;
import ke.baraza.directory.internal.DirectoryPermissions;
import ke.baraza.directory.internal.Organisation;
import ke.baraza.directory.internal.OrganisationForm;
import ke.baraza.directory.internal.OrganisationService;
import ke.baraza.directory.internal.ThemeService;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding and editing organisations: county staff, coordinators, and each organisation's editor. */
@Controller
class OrganisationEditor {

  private final OrganisationService organisations;
  private final ThemeService themes;
  private final GeographyApi geography;
  private final DirectoryPermissions permissions;

  OrganisationEditor(
      OrganisationService organisations,
      ThemeService themes,
      GeographyApi geography,
      DirectoryPermissions permissions) {
    this.organisations = organisations;
    this.themes = themes;
    this.geography = geography;
    this.permissions = permissions;
  }

  @GetMapping("/organisations/new")
  String newForm(@RequestParam(defaultValue = "") String county, Model model) {
    County chosen = county(county);
    if (!permissions.mayCreateIn(chosen.code())) {
      throw UserError.forbidden();
    }
    show(model, chosen, OrganisationForm.empty(), null, Map.of());
    return "directory/edit";
  }

  @PostMapping("/organisations")
  String create(
      @RequestParam(defaultValue = "") String county,
      OrganisationForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County chosen = county(county);
    try {
      Organisation created = organisations.create(chosen.code(), form);
      redirect.addFlashAttribute("notice", "organisation.saved");
      return "redirect:/organisations/" + created.publicId();
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, form, null, invalid.fieldErrors());
      return "directory/edit";
    }
  }

  @GetMapping("/organisations/{id}/edit")
  String editForm(@PathVariable String id, Model model) {
    Organisation organisation = organisations.find(id);
    if (!permissions.mayEdit(organisation)) {
      throw UserError.forbidden();
    }
    List<String> themeIds =
        organisations.themesOf(organisation).stream().map(t -> t.publicId()).toList();
    String parent = organisations.parentOf(organisation).map(Organisation::publicId).orElse(null);
    show(
        model,
        county(organisation.countyCode()),
        OrganisationForm.of(organisation, themeIds, parent),
        organisation,
        Map.of());
    return "directory/edit";
  }

  @PostMapping("/organisations/{id}")
  String update(
      @PathVariable String id,
      @RequestParam(defaultValue = "-1") long version,
      OrganisationForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Organisation organisation = organisations.find(id);
    try {
      organisations.update(id, version, form);
      redirect.addFlashAttribute("notice", "organisation.saved");
      return "redirect:/organisations/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, county(organisation.countyCode()), form, organisation, invalid.fieldErrors());
      return "directory/edit";
    }
  }

  @PostMapping("/organisations/{id}/verification")
  String verify(@PathVariable String id, @RequestParam(defaultValue = "false") boolean verified) {
    organisations.verify(id, verified);
    return "redirect:/organisations/" + id;
  }

  private void show(
      Model model,
      County county,
      OrganisationForm form,
      Organisation organisation,
      Map<String, String> errors) {
    model.addAttribute("county", county);
    model.addAttribute("form", form);
    model.addAttribute("organisation", organisation);
    model.addAttribute("errors", errors);
    model.addAttribute("types", OrganisationType.values());
    model.addAttribute("bodies", RegistrationBody.values());
    model.addAttribute("statuses", OrganisationStatus.values());
    model.addAttribute(
        "wards", geography.wards(county.code(), new PageRequest(0, PageRequest.MAX_SIZE)).items());
    model.addAttribute("themes", themes.of(county.code()));
  }

  private County county(String code) {
    return geography
        .county(code)
        .orElseThrow(
            () ->
                UserError.notFound(
                    "geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", "")));
  }
}
