package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.springframework.stereotype.Component;

/** The county a feedback page is about, and its wards for the pickers. */
@Component
public class Counties {

  /** Wards of one sub-county, for an {@code <optgroup>}. */
  public record WardGroup(String subCounty, List<Ward> wards) {}

  private final GeographyApi geography;

  Counties(GeographyApi geography) {
    this.geography = geography;
  }

  /**
   * The county with this code, named on the request for the county selector.
   *
   * @throws UserError 404 for an unknown code
   */
  County county(String code, HttpServletRequest request) {
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

  List<County> all() {
    return geography.counties();
  }

  /** The county's wards grouped by sub-county, in sub-county and name order (one query). */
  List<WardGroup> wards(String countyCode) {
    List<WardGroup> groups = new ArrayList<>();
    for (Ward ward :
        geography.wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
      if (groups.isEmpty() || !groups.getLast().subCounty().equals(ward.subCountyName())) {
        groups.add(new WardGroup(ward.subCountyName(), new ArrayList<>()));
      }
      groups.getLast().wards().add(ward);
    }
    return groups;
  }

  /** The name of a ward, or its code when unknown. */
  String wardName(String wardCode) {
    return geography.ward(wardCode).map(Ward::name).orElse(wardCode);
  }
}
