package ke.baraza.plans.internal;

import java.util.Locale;

/**
 * How an organisation or body stands behind a plan: LEAD institution, STEERING committee, TECHNICAL
 * committee (bodies) or ENDORSER (organisations).
 */
public enum PartyRole {
  LEAD,
  STEERING,
  TECHNICAL,
  ENDORSER;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.party." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static PartyRole parse(String text) {
    for (PartyRole value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
