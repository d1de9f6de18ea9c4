package ke.baraza.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session when its account changed password, lost or gained a role, or when it is older than
 * the absolute limit (12 hours); the idle limit is the servlet session timeout (30 minutes).
 */
class SessionValidity extends OncePerRequestFilter {

  static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);

  private final AccountService accounts;
  private final Clock clock;

  SessionValidity(AccountService accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
      boolean expired = principal.signedInAt().plus(ABSOLUTE_LIMIT).isBefore(clock.instant());
      if (expired || !accounts.sessionValid(principal.id(), principal.signedInAt())) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
      }
    }
    chain.doFilter(request, response);
  }
}
