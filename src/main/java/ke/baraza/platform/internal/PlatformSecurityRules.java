package ke.baraza.platform.internal;

import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.AccessRule.any;
import static ke.baraza.platform.AccessRule.get;

import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.stereotype.Component;

/** The platform's own rows: assets, errors, health and the API documentation. */
@Component
class PlatformSecurityRules implements SecurityRules {

  @Override
  public List<AccessRule> rules() {
    return List.of(
        get("/", PUBLIC),
        get("/css/**", PUBLIC),
        get("/js/**", PUBLIC),
        get("/img/**", PUBLIC),
        get("/favicon.ico", PUBLIC),
        get("/favicon.svg", PUBLIC),
        get("/webjars/**", PUBLIC),
        any("/error", PUBLIC),
        get("/actuator/health", PUBLIC),
        get("/actuator/health/**", PUBLIC),
        get("/api/docs", PUBLIC),
        get("/api/docs/**", PUBLIC),
        get("/api/docs.yaml", PUBLIC),
        get("/about", PUBLIC));
  }
}
