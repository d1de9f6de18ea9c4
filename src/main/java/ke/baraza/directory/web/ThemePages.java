package ke.baraza.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.directory.internal.DirectoryPermissions;
import ke.baraza.directory.internal.ThemeService;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A county's thematic areas: public to read, kept by county staff. */
@Controller
class ThemePages {

  private final ThemeService themes;
  private final GeographyApi geography;
  private final DirectoryPermissions permissions;

  ThemePages(ThemeService themes, GeographyApi geography, DirectoryPermissions permissions) {
    this.themes = themes;
    this.geography = geography;
    this.permissions = permissions;
  }

  @GetMapping("/directory/themes/{county}")
  String list(@PathVariable String county, Model model, HttpServletRequest request) {
    show(county(county), model, Map.of(), request);
    return "directory/themes";
  }

  @PostMapping("/directory/themes/{county}")
  String add(
      @PathVariable String county,
      @RequestParam(defaultValue = "") String nameEn,
      @RequestParam(defaultValue = "") String nameSw,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    County chosen = county(county);
    try {
      themes.add(chosen.code(), nameEn, nameSw);
      return "redirect:/directory/themes/" + chosen.code();
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(chosen, model, invalid.fieldErrors(), request);
      return "directory/themes";
    }
  }

  @PostMapping("/directory/themes/{county}/{theme}")
  String toggle(
      @PathVariable String county,
      @PathVariable String theme,
      @RequestParam(defaultValue = "false") boolean active) {
    County chosen = county(county);
    themes.setActive(chosen.code(), theme, active);
    return "redirect:/directory/themes/" + chosen.code();
  }

  private void show(
      County county, Model model, Map<String, String> errors, HttpServletRequest request) {
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, county.code());
    model.addAttribute("county", county);
    model.addAttribute("themes", themes.of(county.code()));
    model.addAttribute("mayEdit", permissions.isCountyStaff(county.code()));
    model.addAttribute("errors", errors);
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
