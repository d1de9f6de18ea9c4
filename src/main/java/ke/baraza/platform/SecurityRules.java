package ke.baraza.platform;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Implemented by each module that serves requests: its rows of the security table and, where it
 * owns sign-in, its part of the filter chain. Anything no module names is denied.
 */
public interface SecurityRules {

  /** The module's endpoints and who may reach them. */
  List<AccessRule> rules();

  /** Adds the module's own pieces to the chain (sign-in forms, filters); most modules add none. */
  default void customize(HttpSecurity http) throws Exception {}
}
