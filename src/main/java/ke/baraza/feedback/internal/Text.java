package ke.baraza.feedback.internal;

/** What the module does to text people type. */
final class Text {

  private Text() {}

  /** Stripped, inner runs of white space made one space; {@code ""} for null. */
  static String clean(String value) {
    return value == null ? "" : value.strip().replaceAll("\\s+", " ");
  }

  /**
   * A description as kept: stripped, line breaks kept (at most two in a row), other runs of white
   * space made one space, control characters dropped; {@code ""} for null.
   */
  static String description(String value) {
    if (value == null) {
      return "";
    }
    return value
        .replace("\r\n", "\n")
        .replaceAll("[\\p{Cntrl}&&[^\n]]", " ")
        .replaceAll("[ \\t\\x0B\\f]+", " ")
        .replaceAll(" *\n *", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }
}
