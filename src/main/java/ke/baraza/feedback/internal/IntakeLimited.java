package ke.baraza.feedback.internal;

import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;

/** Too many new cases from one phone number or client within the hour: 429, nothing stored. */
public class IntakeLimited extends UserError {

  /** The limit of a phone number was hit. */
  public static final String PHONE = "feedback.limit.phone";

  /** The limit of a client (web) was hit. */
  public static final String CLIENT = "feedback.limit.client";

  IntakeLimited(String messageKey) {
    super(HttpStatus.TOO_MANY_REQUESTS, messageKey);
  }
}
