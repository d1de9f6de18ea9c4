package ke.baraza.feedback.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.STAFF;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Filing and tracking need no account; staff entry and the service areas need a staff account,
 * checked against the county by {@link FeedbackPermissions}. The SMS and USSD gateway callbacks are
 * public, POST only, and exempt from CSRF: a gateway has no session and no token. A forged callback
 * can do no more than anyone may do with an SMS or the public form (file a case), and the replies
 * it causes are rate-limited per number ({@link IntakeLimits}).
 */
@Component
class FeedbackSecurityRules implements SecurityRules {

  static final String CALLBACKS = "/channels/africastalking/**";

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/feedback", PUBLIC),
        get("/feedback/{county}/new", PUBLIC),
        post("/feedback/{county}", PUBLIC),
        get("/track", PUBLIC),
        get("/track/{reference}", PUBLIC),
        post("/track/{reference}", PUBLIC),
        post("/track/{reference}/replies", PUBLIC),
        get("/feedback/{county}/staff-entry", STAFF),
        post("/feedback/{county}/staff-entry", STAFF),
        get("/feedback/{county}/service-areas", STAFF),
        post("/feedback/{county}/service-areas", STAFF),
        post("/feedback/{county}/service-areas/{area}", STAFF),
        post("/feedback/{county}/gateway-codes", STAFF),
        post("/channels/africastalking/sms", PUBLIC),
        post("/channels/africastalking/ussd", PUBLIC));
  }

  @Override
  public void customize(HttpSecurity http) throws Exception {
    http.csrf(
        csrf ->
            csrf.ignoringRequestMatchers(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CALLBACKS)));
  }
}
