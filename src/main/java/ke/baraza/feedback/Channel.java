package ke.baraza.feedback;

import java.util.Locale;

/** How a case reached the county. */
public enum Channel {
  /** The public web form, without an account. */
  WEB(false),
  /** An SMS to the county's number, keyword flow. */
  SMS(false),
  /** The USSD menu. */
  USSD(false),
  /** An app or partner system, through the county's Open311 GeoReport v2 API and its key. */
  OPEN311(false),
  /** Typed in by county staff from a phone call. */
  PHONE_CALL(true),
  /** Typed in by county staff for a resident who came in person. */
  WALK_IN(true),
  /** Typed in by county staff from a note in a suggestion box. */
  SUGGESTION_BOX(true),
  /** Typed in by county staff from a letter. */
  LETTER(true);

  private final boolean staffEntry;

  Channel(boolean staffEntry) {
    this.staffEntry = staffEntry;
  }

  /** Whether county staff type such cases in on the resident's behalf. */
  public boolean staffEntry() {
    return staffEntry;
  }

  public String messageKey() {
    return "feedback.channel." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
