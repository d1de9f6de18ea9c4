package ke.baraza.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.internal.DirectoryCounts;
import ke.baraza.directory.internal.OrganisationCounts;
import ke.baraza.platform.UserError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Counts per ward and thematic area of a directory search, for the map and for integrators. */
@RestController
@Tag(name = "Directory")
class OrganisationCountsController {

  private final OrganisationCounts counts;

  OrganisationCountsController(OrganisationCounts counts) {
    this.counts = counts;
  }

  @GetMapping("/api/v1/organisations/counts")
  @Operation(
      summary =
          "Organisations of a county per ward and per thematic area, for the same filters as"
              + " /api/v1/organisations; a ward's count leaves out the ward and sub-county filters,"
              + " a theme's the theme filter. Theme names in the caller's language.")
  DirectoryCounts counts(
      @RequestParam(required = false) String county,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String subcounty,
      @RequestParam(required = false) String ward,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String network,
      Locale locale) {
    OrganisationType chosen = null;
    if (type != null && !type.isBlank()) {
      try {
        chosen = OrganisationType.valueOf(type.strip());
      } catch (IllegalArgumentException e) {
        throw UserError.badRequest("organisation.type.invalid");
      }
    }
    return counts.of(
        new DirectorySearch(q, county, subcounty, ward, chosen, theme, network), locale);
  }
}
