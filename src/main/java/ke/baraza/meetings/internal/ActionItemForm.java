package ke.baraza.meetings.internal;

/**
 * A decision or action item as typed on the minutes page; all fields as sent, checked by {@link
 * ActionItemService#add}.
 *
 * @param kind {@code DECISION} or {@code ACTION}
 * @param owner the public id of a directory person or organisation (actions only)
 * @param due the due date, {@code yyyy-MM-dd} (actions only)
 */
public record ActionItemForm(String kind, String text, String owner, String due) {

  public static ActionItemForm blank() {
    return new ActionItemForm("ACTION", "", "", "");
  }
}
