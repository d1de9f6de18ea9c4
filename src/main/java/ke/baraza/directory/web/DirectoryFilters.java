package ke.baraza.directory.web;

import java.util.Arrays;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;

/**
 * The directory's filters as they come in a query string ({@code q, county, subcounty, ward, type,
 * theme, network}); the page, its downloads and its counts read them alike. Unknown counties and
 * types mean "any"; an unknown network matches nothing.
 */
public record DirectoryFilters(
    String q,
    String county,
    String subcounty,
    String ward,
    String type,
    String theme,
    String network) {

  /** The search these filters ask for. */
  DirectorySearch toSearch(GeographyApi geography) {
    OrganisationType chosenType =
        Arrays.stream(OrganisationType.values())
            .filter(t -> t.name().equals(type))
            .findFirst()
            .orElse(null);
    String countyCode = county != null && geography.isCounty(county) ? county : "";
    return new DirectorySearch(
        nz(q), countyCode, nz(subcounty), nz(ward), chosenType, nz(theme), nz(network));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
