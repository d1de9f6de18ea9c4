package ke.baraza.plans.internal;

import java.util.Locale;

/** What an indicator's values may be broken down by. */
public enum Dimension {
  SEX,
  AGE_BAND,
  DISABILITY,
  WARD;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.dimension." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static Dimension parse(String text) {
    for (Dimension value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
