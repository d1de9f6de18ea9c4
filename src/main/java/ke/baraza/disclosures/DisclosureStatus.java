package ke.baraza.disclosures;

/** Where a disclosure stands, as its whistleblower and its handlers see it. */
public enum DisclosureStatus {
  NEW,
  UNDER_REVIEW,
  INVESTIGATING,
  REFERRED,
  CLOSED;

  /** The message key of the status's name. */
  public String messageKey() {
    return "disclosures.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
