package ke.baraza.meetings;

import java.util.Locale;

/** An invitee's answer to an invitation. */
public enum Answer {
  YES,
  NO,
  MAYBE;

  public String messageKey() {
    return "rsvp.answer." + name().toLowerCase(Locale.ROOT);
  }
}
