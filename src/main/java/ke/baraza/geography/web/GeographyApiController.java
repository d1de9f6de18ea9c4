package ke.baraza.geography.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Ward;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API of counties, sub-counties and wards. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Geography", description = "Kenya's counties, sub-counties and wards")
class GeographyApiController {

  private final GeographyApi geography;

  GeographyApiController(GeographyApi geography) {
    this.geography = geography;
  }

  @GetMapping("/counties")
  @Operation(summary = "All 47 counties in code order")
  List<County> counties() {
    return geography.counties();
  }

  @GetMapping("/counties/{code}")
  @Operation(summary = "One county by its three-digit code")
  CountyDetail county(@PathVariable String code) {
    County county = find(code);
    List<SubCounty> subCounties = geography.subCounties(county.code());
    long wards = geography.wards(county.code(), new PageRequest(0, 1)).totalItems();
    return new CountyDetail(
        county.code(), county.name(), county.nameFirstSchedule(), subCounties.size(), wards);
  }

  @GetMapping("/counties/{code}/subcounties")
  @Operation(summary = "The sub-counties (constituencies) of a county, in name order")
  List<SubCounty> subCounties(@PathVariable String code) {
    return geography.subCounties(find(code).code());
  }

  @GetMapping("/counties/{code}/wards")
  @Operation(summary = "The wards of a county, a page at a time (size up to 200)")
  PageResult<Ward> wards(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return geography.wards(find(code).code(), new PageRequest(page, size));
  }

  @GetMapping("/wards/{code}")
  @Operation(summary = "One ward by its four-digit code")
  Ward ward(@PathVariable String code) {
    return geography
        .ward(code)
        .orElseThrow(
            () -> UserError.notFound("geography.ward.unknown", GeographyPages.sanitize(code)));
  }

  private County find(String code) {
    return geography
        .county(code)
        .orElseThrow(
            () -> UserError.notFound("geography.county.unknown", GeographyPages.sanitize(code)));
  }

  /** A county with the number of its sub-counties and wards. */
  record CountyDetail(
      String code, String name, String nameFirstSchedule, int subCounties, long wards) {}
}
