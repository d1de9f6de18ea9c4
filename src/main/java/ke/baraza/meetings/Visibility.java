package ke.baraza.meetings;

import java.util.Locale;

/**
 * Who may see a meeting: anyone; the organiser's people and the editors of its member
 * organisations; or the organiser's people only. Invitees of any meeting see it through their
 * invitation link.
 */
public enum Visibility {
  PUBLIC,
  MEMBERS,
  PRIVATE;

  public String messageKey() {
    return "meeting.visibility." + name().toLowerCase(Locale.ROOT);
  }
}
