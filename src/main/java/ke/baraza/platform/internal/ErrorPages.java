package ke.baraza.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import ke.baraza.platform.PageContext;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Friendly error pages in the user's language, and RFC 9457 problem details for {@code /api/**}.
 * Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

  private final MessageSource messages;
  private final PageContextFactory contexts;

  ErrorPages(MessageSource messages, PageContextFactory contexts) {
    this.messages = messages;
    this.contexts = contexts;
  }

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  Object page(HttpServletRequest request, Model model) {
    if (isApi(request)) {
      return problem(request);
    }
    HttpStatus status = statusOf(request);
    PageContext ctx = contexts.create(request);
    model.addAttribute("ctx", ctx);
    model.addAttribute("status", status.value());
    model.addAttribute("message", ctx.t(messageKey(status)));
    return "platform/error";
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    Locale locale = RequestContextUtils.getLocale(request);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, messages.getMessage(messageKey(status), null, locale));
    problem.setTitle(messages.getMessage(titleKey(status), null, locale));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/_.~-]", "")));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    return path.startsWith("/api/");
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  static String messageKey(HttpStatus status) {
    return switch (status.value()) {
      case 400, 401, 403, 404, 405, 409, 413, 415, 429 -> "error." + status.value();
      default -> status.is4xxClientError() ? "error.400" : "error.500";
    };
  }

  static String titleKey(HttpStatus status) {
    return messageKey(status) + ".title";
  }
}
