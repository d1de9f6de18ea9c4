package ke.baraza.plans.internal;

import java.util.Locale;

/** Where a milestone stands. */
public enum MilestoneStatus {
  NOT_STARTED,
  IN_PROGRESS,
  DONE;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.milestone-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static MilestoneStatus parse(String text) {
    for (MilestoneStatus value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
