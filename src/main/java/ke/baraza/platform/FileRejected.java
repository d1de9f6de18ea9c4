package ke.baraza.platform;

import org.springframework.http.HttpStatus;

/**
 * An upload the {@link FileStore} will not keep, shown to the user in their language like every
 * {@link UserError}: 400 when empty, 413 over the size limit, 415 when its content is not one of
 * the kinds the feature accepts. Nothing of the file is kept.
 */
public class FileRejected extends UserError {

  /** Nothing was sent, or a file of zero bytes. */
  public static final String EMPTY = "files.empty";

  /** Larger than the limit; argument: the limit in MB. */
  public static final String TOO_LARGE = "files.too-large";

  /** Not one of the accepted kinds; argument: their names, e.g. "PDF, JPEG, PNG". */
  public static final String UNSUPPORTED_TYPE = "files.unsupported-type";

  public FileRejected(HttpStatus status, String messageKey, Object... args) {
    super(status, messageKey, args);
  }
}
