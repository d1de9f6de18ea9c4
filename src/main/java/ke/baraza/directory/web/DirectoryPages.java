package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.internal.BodyService;
import ke.baraza.directory.internal.DirectoryPermissions;
import ke.baraza.directory.internal.Organisation;
import ke.baraza.directory.internal.OrganisationCounts;
import ke.baraza.directory.internal.OrganisationProfiles;
import ke.baraza.directory.internal.ThemeService;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.PageContext;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public directory: search with filters (the network filter offers the chosen county's networks
 * and bodies), and each organisation's page.
 */
@Controller
class DirectoryPages {

  private final DirectoryApi directory;
  private final ThemeService themes;
  private final GeographyApi geography;
  private final DirectoryPermissions permissions;
  private final OrganisationCounts counts;
  private final BodyService bodies;
  private final OrganisationProfiles profiles;

  DirectoryPages(
      DirectoryApi directory,
      ThemeService themes,
      GeographyApi geography,
      DirectoryPermissions permissions,
      OrganisationCounts counts,
      BodyService bodies,
      OrganisationProfiles profiles) {
    this.profiles = profiles;
    this.directory = directory;
    this.themes = themes;
    this.geography = geography;
    this.permissions = permissions;
    this.counts = counts;
    this.bodies = bodies;
  }

  @GetMapping("/directory")
  String search(
      DirectoryFilters filters,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      Locale locale,
      HttpServletRequest request) {
    DirectorySearch search = filters.toSearch(geography);
    String countyCode = search.countyCode();
    if (!countyCode.isEmpty()) {
      request.setAttribute(PageContext.COUNTY_ATTRIBUTE, countyCode);
      model.addAttribute("subCounties", geography.subCounties(countyCode));
      model.addAttribute("themes", themes.of(countyCode));
      model.addAttribute("networks", bodies.ofCounty(countyCode));
    } else {
      model.addAttribute("subCounties", List.of());
      model.addAttribute("themes", List.of());
      model.addAttribute("networks", List.of());
    }
    model.addAttribute("search", search);
    model.addAttribute("types", OrganisationType.values());
    model.addAttribute("counties", geography.counties());
    model.addAttribute("results", directory.search(search, new PageRequest(page, 25)));
    model.addAttribute("mayAdd", !countyCode.isEmpty() && permissions.mayCreateIn(countyCode));
    model.addAttribute("counts", countyCode.isEmpty() ? null : counts.of(search, locale));
    return "directory/search";
  }

  @GetMapping("/organisations/{id}")
  String organisation(
      @PathVariable String id, Model model, Locale locale, HttpServletRequest request) {
    OrganisationProfiles.Profile profile = profiles.of(id);
    Organisation organisation = profile.organisation();
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, organisation.countyCode());
    model.addAttribute("organisation", organisation);
    model.addAttribute("county", geography.county(organisation.countyCode()).orElseThrow());
    model.addAttribute(
        "wards",
        geography.wards(organisation.wardCodes()).values().stream()
            .sorted(java.util.Comparator.comparing(ke.baraza.geography.Ward::name))
            .toList());
    model.addAttribute(
        "homeWard",
        organisation.homeWardCode() == null
            ? null
            : geography.ward(organisation.homeWardCode()).orElse(null));
    model.addAttribute(
        "themes", profile.themes().stream().map(t -> t.name(locale)).sorted().toList());
    model.addAttribute("parent", profile.parent());
    model.addAttribute("affiliates", profile.affiliates());
    model.addAttribute("mayEdit", permissions.mayEdit(organisation));
    model.addAttribute("mayVerify", permissions.isCountyStaff(organisation.countyCode()));
    model.addAttribute("people", profile.people());
    model.addAttribute("networks", profile.networks());
    return "directory/organisation";
  }
}
