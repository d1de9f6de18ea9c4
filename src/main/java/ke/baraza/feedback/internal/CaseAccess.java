package ke.baraza.feedback.internal;

import java.util.Set;
import java.util.stream.Collectors;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * Which of a county's cases the signed-in officer may see and work on: every case of the county for
 * its administrators and county-wide officials; only their departments' cases for officials whose
 * grant is scoped to a county department (a directory organisation of that type).
 */
@Component
public class CaseAccess {

  /**
   * What one officer sees in one county.
   *
   * @param departments the public ids of the departments seen; ignored when {@code wholeCounty}
   */
  public record Scope(
      String countyCode, String officerRef, boolean wholeCounty, Set<String> departments) {

    /** Whether a case of this county routed to {@code departmentRef} (may be null) is seen. */
    public boolean sees(String caseCounty, String departmentRef) {
      return countyCode.equals(caseCounty)
          && (wholeCounty || (departmentRef != null && departments.contains(departmentRef)));
    }
  }

  private final ServiceAreaCatalogue areas;

  CaseAccess(ServiceAreaCatalogue areas) {
    this.areas = areas;
  }

  /**
   * The current user's scope in the county.
   *
   * @throws UserError 403 for anyone who is neither county staff nor an officer of one of the
   *     county's departments
   */
  public Scope scope(String countyCode) {
    SignedInUser user = CurrentUser.get().orElseThrow(UserError::forbidden);
    if (CurrentUser.holdsAny(countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL)) {
      return new Scope(countyCode, user.publicId(), true, Set.of());
    }
    Set<String> departments =
        areas.departments(countyCode).stream()
            .map(OrganisationSummary::publicId)
            .filter(d -> user.holdsFor(Role.COUNTY_OFFICIAL, d))
            .collect(Collectors.toUnmodifiableSet());
    if (departments.isEmpty()) {
      throw UserError.forbidden();
    }
    return new Scope(countyCode, user.publicId(), false, departments);
  }
}
