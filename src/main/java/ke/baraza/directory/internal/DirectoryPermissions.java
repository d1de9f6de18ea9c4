package ke.baraza.directory.internal;

import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the directory: county staff in their county, coordinators in their county, an
 * organisation editor for their organisation only.
 */
@Component
public class DirectoryPermissions {

  /** Adds organisations in a county: its administrators, officials and network coordinators. */
  public boolean mayCreateIn(String countyCode) {
    return CurrentUser.holdsAny(
        countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL, Role.NETWORK_COORDINATOR);
  }

  /** Edits one organisation: the county's staff and coordinators, or the organisation's editor. */
  public boolean mayEdit(Organisation organisation) {
    return mayCreateIn(organisation.countyCode())
        || CurrentUser.get()
            .map(u -> u.holdsFor(Role.ORGANISATION_EDITOR, organisation.publicId()))
            .orElse(false);
  }

  /** Marks registrations verified and keeps the thematic areas: county staff only. */
  public boolean isCountyStaff(String countyCode) {
    return CurrentUser.holdsAny(countyCode, Role.ADMINISTRATOR, Role.COUNTY_OFFICIAL);
  }
}
