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
 * Filing and tracking (reopening and rating with the private code included) need no account; the
 * case queue and case pages need a staff account, narrowed to the county or department by {@link
 * CaseAccess}; staff entry and the service areas need a staff account, checked against the county
 * by {@link FeedbackPermissions}. The SMS and USSD gateway callbacks are public, POST only, and
 * exempt from CSRF: a gateway has no session and no token. A forged callback can do no more than
 * anyone may do with an SMS or the public form (file a case), and the replies it causes are
 * rate-limited per number ({@link IntakeLimits}).
 */
@Component
class FeedbackSecurityRules implements SecurityRules {

  static final String CALLBACKS = "/channels/africastalking/**";

  /**
   * Open311 GeoReport v2: reading is public; filing a request is a POST from an app with an {@code
   * api_key} in the body (checked by {@link Open311Keys}) and no session, so no CSRF token.
   */
  static final String OPEN311 = "/open311/v2";

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
        post("/track/{reference}/reopen", PUBLIC),
        post("/track/{reference}/rating", PUBLIC),
        get("/feedback/{county}/similar", PUBLIC),
        get("/feedback/{county}/escalation-ladder", STAFF),
        post("/feedback/{county}/escalation-ladder", STAFF),
        get("/feedback/{county}/casework", STAFF),
        post("/feedback/{county}/casework/assign", STAFF),
        get("/feedback/{county}/casework/{reference}", STAFF),
        post("/feedback/{county}/casework/{reference}/{action}", STAFF),
        post("/channels/africastalking/sms", PUBLIC),
        post("/channels/africastalking/ussd", PUBLIC),
        get("/feedback/{county}/statistics", PUBLIC),
        get("/feedback/{county}/statistics/wards.json", PUBLIC),
        get("/feedback/{county}/cases", PUBLIC),
        get("/feedback/{county}/cases/{reference}/photos/{position}", PUBLIC),
        get("/feedback/{county}/open311-keys", STAFF),
        post("/feedback/{county}/open311-keys", STAFF),
        post("/feedback/{county}/open311-keys/{key}/revoke", STAFF),
        get(OPEN311 + "/**", PUBLIC),
        post(OPEN311 + "/requests.{format}", PUBLIC));
  }

  @Override
  public void customize(HttpSecurity http) throws Exception {
    http.csrf(
        csrf ->
            csrf.ignoringRequestMatchers(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CALLBACKS),
                PathPatternRequestMatcher.withDefaults()
                    .matcher(HttpMethod.POST, OPEN311 + "/requests.{format}")));
  }
}
