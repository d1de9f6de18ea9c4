package ke.baraza.activities;

import java.util.Locale;

/** Where an activity stands, with its IATI activity-status code. */
public enum ActivityStatus {
  PLANNED("1"),
  ONGOING("2"),
  COMPLETED("3"),
  CANCELLED("5");

  private final String iatiCode;

  ActivityStatus(String iatiCode) {
    this.iatiCode = iatiCode;
  }

  /** The code of IATI's ActivityStatus codelist. */
  public String iatiCode() {
    return iatiCode;
  }

  /** The message key of the status's name. */
  public String messageKey() {
    return "activity.status." + name().toLowerCase(Locale.ROOT);
  }
}
