package ke.baraza.meetings.internal;

import ke.baraza.directory.DirectoryApi;
import ke.baraza.meetings.Visibility;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Who may do what with meetings. An organiser's meetings are scheduled and edited by the county's
 * staff (administrators and county officials), by the coordinators of the organising body (its own
 * or county-wide ones, as the directory lets them run the county's bodies) and by the editors of
 * the organising organisation.
 */
@Component
public class MeetingPermissions {

  private final DirectoryApi directory;

  MeetingPermissions(DirectoryApi directory) {
    this.directory = directory;
  }

  /** Whether the current user schedules and edits the organiser's meetings. */
  public boolean mayOrganise(Organiser organiser) {
    return CurrentUser.get().map(user -> mayOrganise(user, organiser)).orElse(false);
  }

  /**
   * Whether the current user may see the meeting: anyone a public one; its organisers any; for a
   * members-only meeting of a body, also the editors of the body's active member organisations.
   */
  public boolean maySee(Meeting meeting, Organiser organiser) {
    if (meeting.visibility() == Visibility.PUBLIC) {
      return true;
    }
    SignedInUser user = CurrentUser.get().orElse(null);
    if (user == null) {
      return false;
    }
    if (mayOrganise(user, organiser)) {
      return true;
    }
    return meeting.visibility() == Visibility.MEMBERS
        && organiser.isBody()
        && directory.activeMembers(organiser.publicId()).stream()
            .anyMatch(m -> user.holdsFor(Role.ORGANISATION_EDITOR, m.publicId()));
  }

  private static boolean mayOrganise(SignedInUser user, Organiser organiser) {
    String county = organiser.countyCode();
    if (user.holds(Role.ADMINISTRATOR, county) || user.holds(Role.COUNTY_OFFICIAL, county)) {
      return true;
    }
    if (organiser.isBody()) {
      return user.holdsFor(Role.NETWORK_COORDINATOR, organiser.publicId())
          || user.holds(Role.NETWORK_COORDINATOR, county);
    }
    return user.holdsFor(Role.ORGANISATION_EDITOR, organiser.publicId());
  }
}
