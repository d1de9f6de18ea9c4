package ke.baraza.plans.internal;

import java.util.Locale;

/** The potential results of a commitment, as the independent review judges them. */
public enum PotentialResults {
  UNCLEAR,
  MODEST,
  SUBSTANTIAL;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.potential." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static PotentialResults parse(String text) {
    for (PotentialResults value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
