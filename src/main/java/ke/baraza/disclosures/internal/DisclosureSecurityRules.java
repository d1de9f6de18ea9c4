package ke.baraza.disclosures.internal;

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
 * The whistleblower's pages are public and work without cookies, so their POSTs carry no session
 * CSRF token and are exempt from it: the submission form carries a one-time signed token instead
 * ({@link FormTokens}), and the return forms carry the receipt itself, which a forging site cannot
 * know. The handlers' pages need a staff sign-in (second factor) and the usual CSRF token; {@link
 * DisclosureHandling} checks the handler role for the recipient body.
 */
@Component
class DisclosureSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/disclosures", PUBLIC),
        get("/disclosures/new", PUBLIC),
        get("/disclosures/statistics", PUBLIC),
        post("/disclosures", PUBLIC),
        get("/disclosures/return", PUBLIC),
        post("/disclosures/return", PUBLIC),
        post("/disclosures/return/messages", PUBLIC),
        post("/disclosures/return/files", PUBLIC),
        get("/disclosures/handling", STAFF),
        post("/disclosures/handling/passphrase", STAFF),
        post("/disclosures/handling/unlock", STAFF),
        post("/disclosures/handling/bodies", STAFF),
        get("/disclosures/handling/{id}", STAFF),
        post("/disclosures/handling/{id}/messages", STAFF),
        post("/disclosures/handling/{id}/status", STAFF),
        get("/disclosures/handling/{id}/files/{file}", STAFF),
        get("/disclosures/handling/{id}/export.pdf", STAFF));
  }

  @Override
  public void customize(HttpSecurity http) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    http.csrf(
        csrf ->
            csrf.ignoringRequestMatchers(
                paths.matcher(HttpMethod.POST, "/disclosures"),
                paths.matcher(HttpMethod.POST, "/disclosures/return"),
                paths.matcher(HttpMethod.POST, "/disclosures/return/messages"),
                paths.matcher(HttpMethod.POST, "/disclosures/return/files")));
  }
}
