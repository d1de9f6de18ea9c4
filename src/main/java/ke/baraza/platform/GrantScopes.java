package ke.baraza.platform;

import java.util.Optional;

/**
 * Implemented by modules whose records a role can be granted for (an organisation to its editors, a
 * network to its coordinator): tells accounts the county a public id belongs to.
 */
public interface GrantScopes {

  /** The county code of the organisation or body with this public id, or empty if unknown. */
  Optional<String> countyOf(String publicId);
}
