package ke.baraza.feedback;

import java.util.Optional;

/** What other modules may ask of citizen feedback. Read-only. */
public interface FeedbackApi {

  /**
   * The public view of a case: status timeline and public replies, no personal data.
   *
   * @param reference as typed: case, spaces and a missing dash are forgiven; null gives empty
   * @return the case, or empty when no case has this reference
   */
  Optional<PublicCase> publicCase(String reference);
}
