package ke.baraza.directory.internal;

import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.SignedInUser;

/** Small helpers the directory's services share for what people type. */
final class Input {

  private Input() {}

  /** The text stripped, inner runs of spaces made one; {@code ""} for {@code null}. */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  static String clean(String value) {
    return value == null ? "" : SPACES.matcher(value.strip()).replaceAll(" ");
  }

  /** The constant of {@code type} named exactly {@code value}, or {@code null}. */
  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    String name = clean(value);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The public id of the signed-in user, for the audit log, or {@code null}. */
  static String actor() {
    return CurrentUser.get().map(SignedInUser::publicId).orElse(null);
  }
}
