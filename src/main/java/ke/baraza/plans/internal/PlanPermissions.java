package ke.baraza.plans.internal;

import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Who may do what with plans. A county's plans are set up and kept by its coordinators: the
 * county's administrators, officials and county-wide network coordinators, and the coordinators of
 * the plan's steering committee. Progress is reported by the implementing agency (editors of the
 * commitment's lead organisation) or a county official; coordinators return or accept reports, but
 * never one they wrote themselves. The county's oversight body assesses commitments.
 */
@Component
public class PlanPermissions {

  /** Whether the current user creates plans in the county. */
  public boolean mayCreateIn(String countyCode) {
    return CurrentUser.holdsAny(
        countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL, Role.NETWORK_COORDINATOR);
  }

  /**
   * Whether the current user edits the plan, its commitments, milestones and indicators, and
   * reviews its reports.
   *
   * @param steeringRef the public id of the plan's steering committee, or null
   */
  public boolean mayCoordinate(String countyCode, String steeringRef) {
    return mayCreateIn(countyCode)
        || (steeringRef != null
            && CurrentUser.get()
                .map(u -> u.holdsFor(Role.NETWORK_COORDINATOR, steeringRef))
                .orElse(false));
  }

  /** Whether the current user reports progress on a commitment led by {@code leadRef}. */
  public boolean mayReport(String countyCode, String leadRef) {
    SignedInUser user = CurrentUser.get().orElse(null);
    return user != null
        && (user.holds(Role.COUNTY_OFFICIAL, countyCode)
            || user.holds(Role.ADMINISTRATOR, countyCode)
            || user.holdsFor(Role.ORGANISATION_EDITOR, leadRef));
  }

  /** Whether the current user assesses the county's commitments (the oversight body). */
  public boolean mayAssess(String countyCode) {
    return CurrentUser.holdsAny(countyCode, Role.OVERSIGHT);
  }

  /** The public id of the current user's account, or null. */
  static String actor() {
    return CurrentUser.get().map(SignedInUser::publicId).orElse(null);
  }
}
