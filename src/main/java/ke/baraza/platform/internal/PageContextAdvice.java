package ke.baraza.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import ke.baraza.platform.PageContext;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template its {@code ctx}. */
@ControllerAdvice
class PageContextAdvice {

  private final PageContextFactory factory;

  PageContextAdvice(PageContextFactory factory) {
    this.factory = factory;
  }

  @ModelAttribute("ctx")
  PageContext ctx(HttpServletRequest request) {
    return factory.create(request);
  }
}
