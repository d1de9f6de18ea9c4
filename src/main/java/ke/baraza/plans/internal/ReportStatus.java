package ke.baraza.plans.internal;

import java.util.Locale;

/**
 * A progress report's state: DRAFT, SUBMITTED, then RETURNED (with comments, editable again) or
 * ACCEPTED.
 */
public enum ReportStatus {
  DRAFT,
  SUBMITTED,
  RETURNED,
  ACCEPTED;

  /** The message key of the value's name. */
  public String messageKey() {
    return "plan.report-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named {@code text}, or {@code null} when it names none. */
  public static ReportStatus parse(String text) {
    for (ReportStatus value : values()) {
      if (value.name().equals(text == null ? "" : text.strip())) {
        return value;
      }
    }
    return null;
  }
}
