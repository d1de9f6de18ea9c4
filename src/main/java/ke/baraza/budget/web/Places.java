package ke.baraza.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import ke.baraza.budget.FiscalYear;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Component;

/** Reads the county and fiscal year of an address, refusing unknown ones clearly. */
@Component
class Places {

  private final GeographyApi geography;

  Places(GeographyApi geography) {
    this.geography = geography;
  }

  County county(String code, HttpServletRequest request) {
    County county =
        geography
            .county(code == null ? "" : code.strip())
            .orElseThrow(
                () ->
                    UserError.notFound(
                        "geography.county.unknown",
                        code == null ? "" : code.replaceAll("[^0-9A-Za-z]", "")));
    if (request != null) {
      request.setAttribute(PageContext.COUNTY_ATTRIBUTE, county.code());
    }
    return county;
  }

  static FiscalYear year(String label) {
    FiscalYear year = FiscalYear.parse(label);
    if (year == null) {
      throw UserError.badRequest("budget.fiscal-year.invalid");
    }
    return year;
  }
}
