package ke.baraza.feedback.internal;

import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import org.springframework.stereotype.Component;

/** Who may do what in citizen feedback beyond filing and tracking, which anyone may. */
@Component
public class FeedbackPermissions {

  /**
   * Types in cases from calls, visits, boxes and letters, and keeps the service areas: the county's
   * administrators and officials.
   */
  public boolean isCountyStaff(String countyCode) {
    return CurrentUser.holdsAny(countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL);
  }

  /** Says which SMS number and USSD code serve the county: its administrators. */
  public boolean mayConfigureGateway(String countyCode) {
    return CurrentUser.holdsAny(countyCode, Role.ADMINISTRATOR);
  }

  /** The public id of the signed-in user, for the audit log, or null. */
  static String actor() {
    return CurrentUser.get().map(SignedInUser::publicId).orElse(null);
  }
}
