package ke.baraza.plans.internal;

import java.util.Locale;

/** Where a commitment stands, as its implementers say. */
public enum CommitmentStatus {
  NOT_STARTED,
  ONGOING,
  COMPLETED,
  WITHDRAWN;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.commitment-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static CommitmentStatus parse(String text) {
    for (CommitmentStatus value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
