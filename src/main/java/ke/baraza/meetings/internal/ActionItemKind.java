package ke.baraza.meetings.internal;

/** A decision of the meeting (text only) or an action item (with an owner and a due date). */
public enum ActionItemKind {
  DECISION,
  ACTION
}
