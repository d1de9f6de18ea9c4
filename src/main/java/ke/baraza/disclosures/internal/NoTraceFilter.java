package ke.baraza.disclosures.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every disclosure page: {@code Cache-Control: no-store} and {@code Referrer-Policy:
 * no-referrer} (the platform's header writers keep headers already set). On the whistleblower's
 * pages no cookie is set, not even the language cookie of {@code ?lang=}, and no session is started
 * for a visitor who has none. Nothing here reads or logs the client's address or user agent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NoTraceFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.equals("/disclosures") || path.startsWith("/disclosures/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Referrer-Policy", "no-referrer");
    boolean handling = request.getRequestURI().startsWith("/disclosures/handling");
    if (handling || request.getSession(false) != null) {
      chain.doFilter(request, handling ? response : new NoCookies(response));
    } else {
      chain.doFilter(new NoCsrfToken(request), new NoCookies(response));
    }
  }

  /**
   * Hides the session CSRF token from the whistleblower's pages (their POSTs are exempt from it):
   * the layout would otherwise ask for it, and making one starts a session and sets its cookie.
   */
  private static final class NoCsrfToken extends HttpServletRequestWrapper {
    NoCsrfToken(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Object getAttribute(String name) {
      return CsrfToken.class.getName().equals(name) || "_csrf".equals(name)
          ? null
          : super.getAttribute(name);
    }
  }

  /** Drops every cookie a handler or resolver tries to set. */
  private static final class NoCookies extends HttpServletResponseWrapper {
    NoCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {}

    @Override
    public void addHeader(String name, String value) {
      if (!"Set-Cookie".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Set-Cookie".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }
  }
}
