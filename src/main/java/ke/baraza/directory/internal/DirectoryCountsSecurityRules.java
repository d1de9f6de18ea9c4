package ke.baraza.directory.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.AccessRule.get;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/** Counts per ward and theme are public, like the directory they count. */
@Component
class DirectoryCountsSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(get("/api/v1/organisations/counts", PUBLIC));
  }
}
