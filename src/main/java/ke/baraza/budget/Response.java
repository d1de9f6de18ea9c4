package ke.baraza.budget;

/**
 * The county's response to an issue raised in public participation, and so to each of its views.
 */
public enum Response {
  ADOPTED,
  PARTLY_ADOPTED,
  NOT_ADOPTED;

  /** The message key of the response's name. */
  public String messageKey() {
    return "budget.response." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
