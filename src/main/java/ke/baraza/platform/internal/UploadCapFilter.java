package ke.baraza.platform.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses an upload that declares a length over the container's cap ({@code
 * spring.servlet.multipart.max-request-size}) with a 413, before any of it is read, answering with
 * Baraza's error page or problem detail in the user's language.
 *
 * <p>It answers itself rather than through {@code sendError}: once the container has failed to
 * parse such a request, every later look at its parameters (the CSRF check, the language switch,
 * the error page's own dispatch) fails again, and the container answers with its bare English page.
 * Files under the cap but over a feature's limit are refused by the feature with its own message
 * ({@link ke.baraza.platform.FileRejected}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class UploadCapFilter extends OncePerRequestFilter {

  private final long cap;
  private final TemplateEngine templates;
  private final PageContextFactory contexts;
  private final LocaleResolver locales;
  private final MessageSource messages;

  UploadCapFilter(
      ObjectProvider<MultipartConfigElement> multipart,
      TemplateEngine templates,
      PageContextFactory contexts,
      LocaleResolver locales,
      MessageSource messages) {
    MultipartConfigElement config = multipart.getIfAvailable();
    this.cap = config == null ? -1 : config.getMaxRequestSize();
    this.templates = templates;
    this.contexts = contexts;
    this.locales = locales;
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return cap < 0 || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() <= cap) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
    Locale locale = locales.resolveLocale(request);
    HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
    String detail = messages.getMessage(ErrorPages.messageKey(status), null, locale);
    response.setStatus(status.value());
    response.setHeader("Connection", "close");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (request.getRequestURI().startsWith("/api/")) {
      String title = messages.getMessage(ErrorPages.titleKey(status), null, locale);
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + json(title)
                  + "\",\"status\":"
                  + status.value()
                  + ",\"detail\":\""
                  + json(detail)
                  + "\"}");
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    templates.render(
        "platform/error.jte",
        Map.of("ctx", contexts.create(request), "status", status.value(), "message", detail),
        new PrintWriterOutput(response.getWriter()));
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
