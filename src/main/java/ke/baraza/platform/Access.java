package ke.baraza.platform;

/** Who may reach an endpoint: every handler mapping is covered by exactly such a rule. */
public enum Access {
  /** Anyone, signed in or not. */
  PUBLIC,
  /** Signed in with a password, a second factor possibly still to come. */
  PARTIALLY_SIGNED_IN,
  /** Fully signed in (second factor done where the account needs one). */
  SIGNED_IN,
  /** Fully signed in and holding a privileged role in some county. */
  STAFF,
  /** Fully signed in administrator of some county (or of all). */
  ADMINISTRATOR
}
