package ke.baraza.directory;

/** Where a body works: the whole county, one sub-county or one ward. */
public enum BodyLevel {
  COUNTY,
  SUB_COUNTY,
  WARD;

  public String messageKey() {
    return "body.level." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
