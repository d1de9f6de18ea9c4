package ke.baraza.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import ke.baraza.platform.CountyChoices;
import ke.baraza.platform.PageContext;
import ke.baraza.platform.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link PageContext} of one request. */
@Component
class PageContextFactory {

  private final MessageSource messages;
  private final ObjectProvider<CountyChoices> countyChoices;

  /** The selector's counties, looked up once (resolving them per request showed in profiles). */
  private volatile Optional<CountyChoices> resolved;

  PageContextFactory(MessageSource messages, ObjectProvider<CountyChoices> countyChoices) {
    this.messages = messages;
    this.countyChoices = countyChoices;
  }

  private CountyChoices choices() {
    Optional<CountyChoices> known = resolved;
    if (known == null) {
      known = Optional.ofNullable(countyChoices.getIfAvailable());
      resolved = known;
    }
    return known.orElse(null);
  }

  PageContext create(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    SignedInUser user = null;
    boolean partial = false;
    if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof SignedInUser u) {
      boolean full =
          auth.getAuthorities().stream()
              .anyMatch(a -> SecurityConfig.SIGNED_IN.equals(a.getAuthority()));
      if (full) {
        user = u;
      } else {
        partial = true;
      }
    }
    CountyChoices choices = choices();
    String path = (String) request.getAttribute("jakarta.servlet.error.request_uri");
    if (path == null) {
      path = request.getRequestURI();
    }
    return new PageContext(
        messages,
        RequestContextUtils.getLocale(request),
        // the token's parameter name loads the deferred token (a random XOR mask each time):
        // only a page with a form asks for it
        csrf == null ? () -> "_csrf" : csrf::getParameterName,
        csrf == null ? () -> "" : csrf::getToken,
        user,
        partial,
        path,
        request.getQueryString(),
        // built only when a page shows the selector: a redirect or a gateway's answer needs none
        choices == null ? List::of : choices::counties,
        () ->
            request.getAttribute(PageContext.COUNTY_ATTRIBUTE) instanceof String code
                ? code
                : null);
  }
}
