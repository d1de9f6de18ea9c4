package ke.baraza.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON directory: public fields of organisations only. */
@RestController
@Tag(name = "Directory")
class DirectoryApiController {

  private final DirectoryApi directory;
  private final GeographyApi geography;

  DirectoryApiController(DirectoryApi directory, GeographyApi geography) {
    this.directory = directory;
    this.geography = geography;
  }

  @GetMapping("/api/v1/organisations")
  @Operation(
      summary =
          "Organisations by county, text, ward, type, thematic area or network (the public id of a"
              + " network or body: its active members); paged (size ≤ 200)")
  PageResult<OrganisationSummary> search(
      @RequestParam(required = false) String county,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String subcounty,
      @RequestParam(required = false) String ward,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String network,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (county != null && !county.isBlank() && !geography.isCounty(county)) {
      throw UserError.notFound("geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", ""));
    }
    OrganisationType chosen = null;
    if (type != null && !type.isBlank()) {
      try {
        chosen = OrganisationType.valueOf(type);
      } catch (IllegalArgumentException e) {
        throw UserError.badRequest("organisation.type.invalid");
      }
    }
    return directory.search(
        new DirectorySearch(q, county, subcounty, ward, chosen, theme, network),
        new PageRequest(page, size));
  }

  @GetMapping("/api/v1/organisations/{id}")
  @Operation(summary = "One organisation by its public id")
  OrganisationSummary organisation(@PathVariable String id) {
    return directory.organisation(id).orElseThrow(() -> UserError.notFound("organisation.unknown"));
  }
}
