package ke.baraza.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns a {@link UserError} into a problem detail on the API and into the error page elsewhere, in
 * the user's language.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserErrorAdvice {

  private final MessageSource messages;
  private final PageContextFactory contexts;

  UserErrorAdvice(MessageSource messages, PageContextFactory contexts) {
    this.messages = messages;
    this.contexts = contexts;
  }

  @ExceptionHandler(UserError.class)
  Object handle(UserError error, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    String detail = messages.getMessage(error.messageKey(), error.args(), locale);
    if (request.getRequestURI().startsWith("/api/")) {
      ResponseEntity<ProblemDetail> response = problem(error.status(), detail, locale);
      if (error instanceof InvalidInput invalid) {
        List<Map<String, String>> errors = new ArrayList<>();
        invalid
            .fieldErrors()
            .forEach(
                (field, key) ->
                    errors.add(
                        Map.of("field", field, "message", messages.getMessage(key, null, locale))));
        response.getBody().setProperty("errors", errors);
      }
      return response;
    }
    ModelAndView page = new ModelAndView("platform/error");
    page.setStatus(error.status());
    page.addObject("ctx", contexts.create(request));
    page.addObject("status", error.status().value());
    page.addObject("message", detail);
    return page;
  }

  ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(messages.getMessage(ErrorPages.titleKey(status), null, locale));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
