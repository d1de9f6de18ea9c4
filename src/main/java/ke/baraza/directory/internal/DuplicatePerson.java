package ke.baraza.directory.internal;

import java.util.List;
import java.util.Map;
import ke.baraza.platform.InvalidInput;
import org.springframework.http.HttpStatus;

/**
 * Another live person of the county has the same e-mail address or phone number: the form offers
 * them instead, or adds anyway once {@code confirmDuplicate} is ticked. A 409.
 */
public class DuplicatePerson extends InvalidInput {

  /** A person the new one may be. */
  public record Candidate(String publicId, String name) {}

  private final transient List<Candidate> candidates;

  DuplicatePerson(String field, List<Candidate> candidates) {
    super(HttpStatus.CONFLICT, Map.of(field, "person.duplicate"));
    this.candidates = List.copyOf(candidates);
  }

  /** The existing people with the same contact, by name. */
  public List<Candidate> candidates() {
    return candidates;
  }
}
