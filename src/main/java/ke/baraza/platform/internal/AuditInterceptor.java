package ke.baraza.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import ke.baraza.platform.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every write that reaches a handler: the method and the path pattern (never the path
 * itself, which may carry a token), who made it and the status returned. The record is queued and
 * written with others in one transaction a moment later ({@link RequestAudit}): the request does
 * not wait for a commit of its own, and a crash of the process can lose the records of the last
 * batch interval (about 150 ms). The domain events of {@link ke.baraza.platform.AuditLog} are not
 * batched.
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final RequestAudit log;

  AuditInterceptor(RequestAudit log) {
    this.log = log;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (READS.contains(request.getMethod())
        || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String action = request.getMethod() + " " + (pattern == null ? "?" : pattern);
    log.record(actor(), action, ex != null ? 500 : response.getStatus());
  }

  static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser user
        ? user.publicId()
        : null;
  }
}
