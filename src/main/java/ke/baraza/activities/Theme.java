package ke.baraza.activities;

import java.util.Locale;

/**
 * The thematic areas of county work an activity is filed under, each with the OECD DAC 5-digit
 * purpose code (IATI sector vocabulary 1) its IATI export uses; see docs/decisions.md.
 */
public enum Theme {
  HEALTH("12220"),
  EDUCATION("11220"),
  WATER_SANITATION("14030"),
  AGRICULTURE_FOOD_SECURITY("31120"),
  GOVERNANCE_ACCOUNTABILITY("15150"),
  GENDER_GBV("15180"),
  YOUTH("16020"),
  DISABILITY_INCLUSION("16010"),
  ENVIRONMENT_CLIMATE("41010"),
  LIVELIHOODS("43040"),
  OTHER("99810");

  private final String dacCode;

  Theme(String dacCode) {
    this.dacCode = dacCode;
  }

  /** The DAC 5-digit purpose code of this theme. */
  public String dacCode() {
    return dacCode;
  }

  /** The message key of the theme's name. */
  public String messageKey() {
    return "activity.theme." + name().toLowerCase(Locale.ROOT);
  }
}
