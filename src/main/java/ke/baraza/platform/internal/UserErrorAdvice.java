package ke.baraza.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
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

  private final long maxUploadMegabytes;

  UserErrorAdvice(
      MessageSource messages,
      PageContextFactory contexts,
      @Value("${spring.servlet.multipart.max-request-size:1MB}") DataSize maxUpload) {
    this.messages = messages;
    this.contexts = contexts;
    this.maxUploadMegabytes = maxUpload.toMegabytes();
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

  /** An upload over the server's multipart limit is refused like a table over its size limit. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request) {
    return handle(
        new UserError(HttpStatus.PAYLOAD_TOO_LARGE, "upload.too-large", maxUploadMegabytes),
        request);
  }

  ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(messages.getMessage(ErrorPages.titleKey(status), null, locale));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
