package ke.baraza.platform;

import org.springframework.http.HttpStatus;

/**
 * An uploaded table that Baraza will not read: wrong type, damaged, over a limit, or unsafe. Shown
 * to the user in their language like every {@link UserError}: 415 for a type we do not read, 413
 * for a limit, 400 for a damaged file or unreadable text. Nothing of the file is kept.
 */
public class TabularFileRejected extends UserError {

  public static final String EMPTY = "tabular.empty";
  public static final String UNSUPPORTED_TYPE = "tabular.unsupported-type";
  public static final String OLD_OR_PROTECTED = "tabular.old-or-protected";
  public static final String TOO_LARGE = "tabular.too-large";
  public static final String TOO_MANY_ROWS = "tabular.too-many-rows";
  public static final String TOO_MANY_COLUMNS = "tabular.too-many-columns";
  public static final String TOO_MANY_CELLS = "tabular.too-many-cells";
  public static final String CELL_TOO_LONG = "tabular.cell-too-long";
  public static final String TOO_MANY_PARTS = "tabular.too-many-parts";
  public static final String UNPACKS_TOO_LARGE = "tabular.unpacks-too-large";
  public static final String DAMAGED = "tabular.damaged";
  public static final String DAMAGED_AT_ROW = "tabular.damaged-at-row";
  public static final String ENCODING = "tabular.encoding";
  public static final String MIXED_ENCODING = "tabular.mixed-encoding";

  public TabularFileRejected(HttpStatus status, String messageKey, Object... args) {
    super(status, messageKey, args);
  }
}
