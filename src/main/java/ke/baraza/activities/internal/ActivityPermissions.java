package ke.baraza.activities.internal;

import ke.baraza.directory.BodyKind;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Who may do what with activities. An organisation's activities are recorded and edited by its
 * editors and by the county's staff and coordinators (administrators, county officials, county-wide
 * network coordinators). The county's coordinators (those, and the coordinators of one of its
 * networks or coordination mechanisms) see internal activities and the overlap flags.
 */
@Component
public class ActivityPermissions {

  private final DirectoryApi directory;

  ActivityPermissions(DirectoryApi directory) {
    this.directory = directory;
  }

  /** Whether the current user records and edits activities of this organisation. */
  public boolean mayRecord(String organisationRef, String countyCode) {
    return CurrentUser.get()
        .map(
            user ->
                user.holdsFor(Role.ORGANISATION_EDITOR, organisationRef)
                    || countyWide(user, countyCode))
        .orElse(false);
  }

  /** Whether the current user coordinates the county: sees its flags and internal activities. */
  public boolean mayCoordinate(String countyCode) {
    SignedInUser user = CurrentUser.get().orElse(null);
    if (user == null) {
      return false;
    }
    if (countyWide(user, countyCode)) {
      return true;
    }
    return user.holdsAnywhere(Role.NETWORK_COORDINATOR)
        && directory.bodies(countyCode).stream()
            .filter(
                b -> b.kind() == BodyKind.NETWORK || b.kind() == BodyKind.COORDINATION_MECHANISM)
            .anyMatch(b -> user.holdsFor(Role.NETWORK_COORDINATOR, b.publicId()));
  }

  /** Whether the current user may see this activity: anyone a public one. */
  public boolean maySee(Activity activity) {
    return activity.publicRecord()
        || mayRecord(activity.organisationRef(), activity.countyCode())
        || mayCoordinate(activity.countyCode());
  }

  private static boolean countyWide(SignedInUser user, String countyCode) {
    return user.holds(Role.ADMINISTRATOR, countyCode)
        || user.holds(Role.COUNTY_OFFICIAL, countyCode)
        || user.holds(Role.NETWORK_COORDINATOR, countyCode);
  }
}
