package ke.baraza.geography.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Ward;
import ke.baraza.geography.internal.Villages;
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

/** The public pages: all counties on a map, a county with its sub-counties and wards, a ward. */
@Controller
class GeographyPages {

  private final GeographyApi geography;
  private final Villages villages;

  GeographyPages(GeographyApi geography, Villages villages) {
    this.geography = geography;
    this.villages = villages;
  }

  @GetMapping("/counties")
  String counties(Model model) {
    model.addAttribute("counties", geography.counties());
    return "geography/counties";
  }

  @GetMapping("/counties/go")
  String go(@RequestParam(defaultValue = "") String code) {
    return "redirect:/counties/" + county(code).code();
  }

  @GetMapping("/counties/{code}")
  String county(@PathVariable String code, Model model, HttpServletRequest request) {
    County county = county(code);
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, county.code());
    List<SubCounty> subCounties = geography.subCounties(county.code());
    Map<String, List<Ward>> wards = new LinkedHashMap<>();
    for (SubCounty subCounty : subCounties) {
      wards.put(subCounty.code(), new java.util.ArrayList<>());
    }
    for (Ward ward :
        geography.wards(county.code(), new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
      wards.computeIfAbsent(ward.subCountyCode(), k -> new java.util.ArrayList<>()).add(ward);
    }
    model.addAttribute("county", county);
    model.addAttribute("subCounties", subCounties);
    model.addAttribute("wards", wards);
    return "geography/county";
  }

  @GetMapping("/wards/{code}")
  String ward(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
    Ward ward = ward(code);
    model.addAttribute("ward", ward);
    model.addAttribute("county", county(ward.countyCode()));
    model.addAttribute("villages", geography.villages(ward.code(), new PageRequest(page, 50)));
    model.addAttribute("mayEdit", Villages.mayEdit(ward.countyCode()));
    return "geography/ward";
  }

  @PostMapping("/wards/{code}/villages")
  String addVillage(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    Ward ward = ward(code);
    villages.add(ward, name);
    redirect.addFlashAttribute("added", name.strip());
    return "redirect:/wards/" + ward.code();
  }

  private County county(String code) {
    return geography
        .county(code)
        .orElseThrow(() -> UserError.notFound("geography.county.unknown", sanitize(code)));
  }

  private Ward ward(String code) {
    return geography
        .ward(code)
        .orElseThrow(() -> UserError.notFound("geography.ward.unknown", sanitize(code)));
  }

  static String sanitize(String code) {
    String kept = code == null ? "" : code.replaceAll("[^A-Za-z0-9-]", "");
    return kept.length() > 12 ? kept.substring(0, 12) : kept;
  }
}
