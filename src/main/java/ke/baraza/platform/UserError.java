package ke.baraza.platform;

import org.springframework.http.HttpStatus;

/**
 * A failure the user caused and can mend: shown in their language as an RFC 9457 problem detail on
 * the API and as a message on pages. Never logged as an error.
 */
public class UserError extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;
  private final transient Object[] args;

  public UserError(HttpStatus status, String messageKey, Object... args) {
    super(messageKey, null, false, false);
    this.status = status;
    this.messageKey = messageKey;
    this.args = args;
  }

  public static UserError notFound(String messageKey, Object... args) {
    return new UserError(HttpStatus.NOT_FOUND, messageKey, args);
  }

  public static UserError badRequest(String messageKey, Object... args) {
    return new UserError(HttpStatus.BAD_REQUEST, messageKey, args);
  }

  public static UserError conflict(String messageKey, Object... args) {
    return new UserError(HttpStatus.CONFLICT, messageKey, args);
  }

  public static UserError forbidden() {
    return new UserError(HttpStatus.FORBIDDEN, "error.forbidden");
  }

  public HttpStatus status() {
    return status;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
