package ke.baraza.activities.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.activities.Theme;
import ke.baraza.activities.internal.ActivityQueries;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Who does what where in a county: the theme × ward matrix, the map and the gaps. */
@Controller
class WherePages {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ActivityQueries queries;
  private final GeographyApi geography;

  WherePages(ActivityQueries queries, GeographyApi geography) {
    this.queries = queries;
    this.geography = geography;
  }

  /** The county with this code, named on the request for the county selector; 404 if unknown. */
  static County county(GeographyApi geography, String code, HttpServletRequest request) {
    County county =
        geography
            .county(code)
            .orElseThrow(
                () ->
                    UserError.notFound(
                        "geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", "")));
    request.setAttribute(PageContext.COUNTY_ATTRIBUTE, county.code());
    return county;
  }

  @GetMapping("/activities/counties/{code}/where")
  String where(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String theme,
      Model model,
      HttpServletRequest request) {
    County county = county(geography, code, request);
    model.addAttribute("county", county);
    model.addAttribute("theme", theme(theme));
    model.addAttribute("themes", Theme.values());
    model.addAttribute("matrix", queries.matrix(county.code()));
    return "activities/where";
  }

  /** Activities per ward for the map: {@code {"wards":[{"code":"0390","count":3}]}}. */
  @GetMapping("/activities/counties/{code}/wards.json")
  ResponseEntity<String> wards(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String theme,
      HttpServletRequest request) {
    County county = county(geography, code, request);
    List<Map<String, Object>> wards =
        queries.wardCounts(county.code(), theme(theme)).entrySet().stream()
            .map(
                e -> {
                  Map<String, Object> ward = new LinkedHashMap<>();
                  ward.put("code", e.getKey());
                  ward.put("count", e.getValue());
                  return ward;
                })
            .toList();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(JSON.writeValueAsString(Map.of("wards", wards)));
  }

  private static Theme theme(String value) {
    for (Theme t : Theme.values()) {
      if (t.name().equals(value)) {
        return t;
      }
    }
    return null;
  }
}
