package ke.baraza.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What happens after a password: accounts with a privileged role hold only a pending sign-in until
 * their TOTP code (or TOTP enrolment) completes it; everyone else is signed in at once.
 */
@Component
public class SignInFlow
    implements AuthenticationSuccessHandler, AuthenticationFailureHandler, AccessDeniedHandler {

  public static final String PENDING = "SECOND_FACTOR_PENDING";
  public static final String SECOND_FACTOR_PAGE = "/signin/second-factor";
  public static final String ENROL_PAGE = "/account/second-factor";

  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final HttpSessionRequestCache requests = new HttpSessionRequestCache();
  private final LocaleResolver locales;

  SignInFlow(LocaleResolver locales) {
    this.locales = locales;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
    locales.setLocale(request, response, principal.language());
    if (principal.needsSecondFactor()) {
      store(
          request,
          response,
          UsernamePasswordAuthenticationToken.authenticated(
              principal, null, List.of(new SimpleGrantedAuthority(PENDING))));
      response.sendRedirect(principal.totpEnabled() ? SECOND_FACTOR_PAGE : ENROL_PAGE);
      return;
    }
    response.sendRedirect(completeSignIn(request, response, principal));
  }

  /**
   * Signs the account in fully, with a new session id.
   *
   * @return where the user was headed before signing in, or the front page
   */
  public String completeSignIn(
      HttpServletRequest request, HttpServletResponse response, AccountPrincipal principal) {
    Authentication full =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.fullAuthorities());
    request.changeSessionId();
    store(request, response, full);
    SavedRequest saved = requests.getRequest(request, response);
    requests.removeRequest(request, response);
    return saved == null ? "/" : saved.getRedirectUrl();
  }

  private void store(
      HttpServletRequest request, HttpServletResponse response, Authentication auth) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (exception instanceof ThrottledSignIn.Throttled throttled) {
      response.sendRedirect("/signin?wait=" + throttled.seconds());
    } else {
      response.sendRedirect("/signin?error");
    }
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean pending =
        auth != null
            && auth.getAuthorities().stream().anyMatch(a -> PENDING.equals(a.getAuthority()));
    if (pending && !request.getRequestURI().startsWith("/api/")) {
      AccountPrincipal principal = (AccountPrincipal) auth.getPrincipal();
      response.sendRedirect(principal.totpEnabled() ? SECOND_FACTOR_PAGE : ENROL_PAGE);
      return;
    }
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
