package ke.baraza.plans.internal;

import java.util.Locale;

/** Whether a commitment opened government (the review's "did it open government"). */
public enum OpenedGovernment {
  WORSENED,
  DID_NOT_CHANGE,
  MARGINAL,
  MAJOR,
  OUTSTANDING;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.opened." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static OpenedGovernment parse(String text) {
    for (OpenedGovernment value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
