package ke.baraza.accounts.internal;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Password sign-in by e-mail or phone, slowed down after repeated failures. */
@Component
class ThrottledSignIn implements AuthenticationProvider {

  /** Thrown while a name and address must wait; carries the seconds left. */
  static final class Throttled extends AccountStatusException {
    private final long seconds;

    Throttled(long seconds) {
      super("Too many failed sign-ins");
      this.seconds = seconds;
    }

    long seconds() {
      return seconds;
    }
  }

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;

  ThrottledSignIn(AccountService accounts, PasswordEncoder encoder, SignInThrottle throttle) {
    this.passwords =
        new DaoAuthenticationProvider(
            name ->
                accounts
                    .principal(name)
                    .orElseThrow(() -> new UsernameNotFoundException("No such account")));
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "";
    String key = SignInThrottle.key(authentication.getName(), address);
    long wait = throttle.secondsToWait(key);
    if (wait > 0) {
      throw new Throttled(wait);
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.succeeded(key);
      return result;
    } catch (AuthenticationException e) {
      throttle.failed(key);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
