package ke.baraza.directory.internal;

import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/** Imports need a signed-in account; {@link MemberImports} checks that the user runs the body. */
@Component
class ImportSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/bodies/{id}/imports", SIGNED_IN),
        post("/bodies/{id}/imports", SIGNED_IN),
        get("/bodies/{id}/imports/{importId}", SIGNED_IN),
        post("/bodies/{id}/imports/{importId}/mapping", SIGNED_IN),
        post("/bodies/{id}/imports/{importId}/apply", SIGNED_IN),
        post("/bodies/{id}/imports/{importId}/undo", SIGNED_IN),
        get("/bodies/{id}/imports/{importId}/invalid.csv", SIGNED_IN),
        get("/bodies/{id}/imports/{importId}/invalid.xlsx", SIGNED_IN));
  }
}
