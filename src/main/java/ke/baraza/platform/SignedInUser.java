package ke.baraza.platform;

import java.util.Locale;

/** What every module may know of the person signed in: never their contact details. */
public interface SignedInUser {

  /** The account's public id. */
  String publicId();

  /** The name shown in the page header. */
  String displayName();

  /** Preferred language of the account. */
  Locale language();

  /**
   * Whether the account holds {@code role} in the county with code {@code countyCode}; a grant for
   * every county (a national administrator) counts for each one.
   */
  boolean holds(Role role, String countyCode);

  /**
   * Whether the account holds {@code role} for one organisation or body, named by its public id
   * (organisation editors, coordinators of one network).
   */
  boolean holdsFor(Role role, String scopeRef);

  /** Whether the account holds {@code role} in at least one county. */
  boolean holdsAnywhere(Role role);
}
