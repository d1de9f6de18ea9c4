package ke.baraza.meetings;

import java.util.Locale;

/** How a meeting repeats: each occurrence is a meeting of its own, made when the first is. */
public enum Recurrence {
  NONE(0),
  MONTHLY(1),
  QUARTERLY(3);

  private final int months;

  Recurrence(int months) {
    this.months = months;
  }

  /** Months between two occurrences; 0 for a meeting that does not repeat. */
  public int months() {
    return months;
  }

  public String messageKey() {
    return "meeting.recurrence." + name().toLowerCase(Locale.ROOT);
  }
}
