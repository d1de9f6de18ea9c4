package ke.baraza.plans.internal;

import java.util.Locale;

/** How often an indicator is measured or a commitment reported on; each has its period format. */
public enum Frequency {
  /** Periods like {@code 2025-03}. */
  MONTHLY,
  /** Periods like {@code 2025-Q1}. */
  QUARTERLY,
  /** Periods like {@code 2025}. */
  ANNUAL;

  /** The message key of the frequency's name. */
  public String messageKey() {
    return "plan.frequency." + name().toLowerCase(Locale.ROOT);
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static Frequency parse(String text) {
    for (Frequency value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
