package ke.baraza.meetings.internal;

import java.util.Locale;

/** How far an action item has come. Open and in-progress items are "matters arising". */
public enum ActionItemStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  DROPPED;

  public String messageKey() {
    return "action.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the item still needs doing. */
  public boolean pending() {
    return this == OPEN || this == IN_PROGRESS;
  }
}
