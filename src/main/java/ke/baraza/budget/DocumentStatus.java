package ke.baraza.budget;

/** Where a budget document stands; it only ever moves forward. */
public enum DocumentStatus {
  DRAFTED,
  OPEN_FOR_PARTICIPATION,
  SUBMITTED,
  TABLED,
  APPROVED,
  PUBLISHED;

  /** The message key of the status's name. */
  public String messageKey() {
    return "budget.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
