package ke.baraza.meetings.internal;

import java.util.Locale;

/** Where minutes are on their way to the public: written, approved, published. */
public enum MinutesStatus {
  /** Being written; only the organisers see it. */
  DRAFT,
  /** Approved by the organisers, no longer editable unless reopened; not yet public. */
  APPROVED,
  /** Shown to whoever may see the meeting. */
  PUBLISHED;

  public String messageKey() {
    return "minutes.status." + name().toLowerCase(Locale.ROOT);
  }
}
