package ke.baraza.plans.internal;

import java.util.Locale;

/** How complete a commitment is, as the independent review judges it. */
public enum Completion {
  NOT_STARTED,
  LIMITED,
  SUBSTANTIAL,
  COMPLETE;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.completion." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static Completion parse(String text) {
    for (Completion value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
