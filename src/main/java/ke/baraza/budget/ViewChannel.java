package ke.baraza.budget;

/** How a view on a budget document came in. */
public enum ViewChannel {
  WEB,
  FORUM,
  MEMORANDUM,
  SMS;

  /** The message key of the channel's name. */
  public String messageKey() {
    return "budget.channel." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
