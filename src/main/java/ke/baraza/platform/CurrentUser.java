package ke.baraza.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The fully signed-in user of the current request, if any. */
public final class CurrentUser {

  /** The authority every fully signed-in account carries (second factor done where needed). */
  public static final String SIGNED_IN_AUTHORITY = "SIGNED_IN";

  private CurrentUser() {}

  /** The user, when signed in with every factor the account needs; empty otherwise. */
  public static Optional<SignedInUser> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !(auth.getPrincipal() instanceof SignedInUser user)
        || auth.getAuthorities().stream()
            .noneMatch(a -> SIGNED_IN_AUTHORITY.equals(a.getAuthority()))) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  /** Whether the current user holds any of {@code roles} in {@code countyCode}. */
  public static boolean holdsAny(String countyCode, Role... roles) {
    return get()
        .map(
            user -> {
              for (Role role : roles) {
                if (user.holds(role, countyCode)) {
                  return true;
                }
              }
              return false;
            })
        .orElse(false);
  }
}
