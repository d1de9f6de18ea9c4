package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.feedback.internal.PublicCases;
import ke.baraza.feedback.internal.PublicStatistics;
import ke.baraza.geography.County;
import ke.baraza.shared.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * A county's feedback in public: statistics with server-drawn charts and a map by ward, and the
 * cases whose reporters allowed publication, with their photos cleaned of metadata.
 */
@Controller
class PublicFeedbackPages {

  static final int PAGE_SIZE = 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PublicStatistics statistics;
  private final PublicCases cases;
  private final Counties counties;

  PublicFeedbackPages(PublicStatistics statistics, PublicCases cases, Counties counties) {
    this.statistics = statistics;
    this.cases = cases;
    this.counties = counties;
  }

  @GetMapping("/feedback/{county}/statistics")
  String statistics(@PathVariable String county, Model model, HttpServletRequest request) {
    County chosen = counties.county(county, request);
    model.addAttribute("county", chosen);
    model.addAttribute("figures", statistics.of(chosen.code()));
    return "feedback/public-statistics";
  }

  /** Cases per ward for the map: {@code {"wards":[{"code":"0390","count":3}]}}. */
  @GetMapping("/feedback/{county}/statistics/wards.json")
  ResponseEntity<String> wards(@PathVariable String county, HttpServletRequest request) {
    County chosen = counties.county(county, request);
    List<Map<String, Object>> wards =
        statistics.perWard(chosen.code()).entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
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

  @GetMapping("/feedback/{county}/cases")
  String cases(
      @PathVariable String county,
      @RequestParam(name = "ward", required = false) String ward,
      @RequestParam(name = "page", defaultValue = "0") int page,
      Model model,
      HttpServletRequest request) {
    County chosen = counties.county(county, request);
    model.addAttribute("county", chosen);
    model.addAttribute("ward", ward == null || !ward.matches("\\d{4}") ? null : ward);
    model.addAttribute(
        "results", cases.page(chosen.code(), ward, new PageRequest(Math.max(0, page), PAGE_SIZE)));
    return "feedback/public-cases";
  }

  /** A published photo, cleaned of EXIF/GPS, as an attachment that a page's image can show. */
  @GetMapping("/feedback/{county}/cases/{reference}/photos/{position}")
  ResponseEntity<byte[]> photo(
      @PathVariable String county,
      @PathVariable String reference,
      @PathVariable int position,
      HttpServletRequest request) {
    County chosen = counties.county(county, request);
    PublicCases.Photo photo = cases.photo(chosen.code(), reference, position);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(reference + "-" + position + extension(photo.mediaType()))
                .build()
                .toString())
        .cacheControl(CacheControl.noCache())
        .body(photo.content());
  }

  private static String extension(String mediaType) {
    return switch (mediaType) {
      case "image/png" -> ".png";
      case "image/webp" -> ".webp";
      default -> ".jpg";
    };
  }
}
