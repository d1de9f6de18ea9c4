package ke.baraza.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Input that fails validation: each field with the message key of what is wrong with it. Shown
 * beside the fields on pages and as an {@code errors} member of the problem detail on the API.
 */
public class InvalidInput extends UserError {

  private final Map<String, String> fieldErrors;

  public InvalidInput(HttpStatus status, Map<String, String> fieldErrors) {
    super(status, "error.invalid-input");
    this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
  }

  /** Field name to message key. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
