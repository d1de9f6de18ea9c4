package ke.baraza.directory.internal;

import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/**
 * Signed MoUs are never public: uploading and reading need a signed-in account, and {@link
 * MouDocuments} checks the body and organisation on each request.
 */
@Component
class MouSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        post("/bodies/{id}/mou", SIGNED_IN), get("/bodies/{id}/mou/{membership}", SIGNED_IN));
  }
}
