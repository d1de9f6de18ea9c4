package ke.baraza.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one security chain: every module's {@link AccessRule}s, most specific first, and then deny
 * everything else. Security headers of SECURITY.md on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

  /** Authority of a fully signed-in account. */
  static final String SIGNED_IN = ke.baraza.platform.CurrentUser.SIGNED_IN_AUTHORITY;

  /** Authority of an account that holds a privileged role and has passed its second factor. */
  static final String STAFF = "STAFF";

  /** Authority of an account that has given its password but not yet its second factor. */
  static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, List<SecurityRules> modules)
      throws Exception {
    List<AccessRule> rules = allRules(modules);
    http.authorizeHttpRequests(
        authorize -> {
          for (AccessRule rule : rules) {
            var matcher =
                rule.method() == null
                    ? PathPatternRequestMatcher.withDefaults().matcher(rule.pattern())
                    : PathPatternRequestMatcher.withDefaults()
                        .matcher(rule.method(), rule.pattern());
            var entry = authorize.requestMatchers(matcher);
            switch (rule.access()) {
              case PUBLIC -> entry.permitAll();
              case PARTIALLY_SIGNED_IN -> entry.hasAnyAuthority(SIGNED_IN, SECOND_FACTOR_PENDING);
              case SIGNED_IN -> entry.hasAuthority(SIGNED_IN);
              case STAFF -> entry.hasAuthority(STAFF);
              case ADMINISTRATOR -> entry.hasAuthority("ROLE_ADMINISTRATOR");
            }
          }
          authorize.anyRequest().denyAll();
        });
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
    http.exceptionHandling(
        errors ->
            errors
                .defaultAuthenticationEntryPointFor(
                    (request, response, e) -> response.sendError(401),
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .defaultAccessDeniedHandlerFor(
                    (request, response, e) -> response.sendError(403),
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
    for (SecurityRules module : modules) {
      module.customize(http);
    }
    return http.build();
  }

  /** A GET rule covers HEAD too, as the servlet container answers HEAD from GET handlers. */
  static RequestMatcher[] matchers(AccessRule rule) {
    var paths = PathPatternRequestMatcher.withDefaults();
    if (rule.method() == null) {
      return new RequestMatcher[] {paths.matcher(rule.pattern())};
    }
    if (rule.method() == HttpMethod.GET) {
      return new RequestMatcher[] {
        paths.matcher(HttpMethod.GET, rule.pattern()),
        paths.matcher(HttpMethod.HEAD, rule.pattern())
      };
    }
    return new RequestMatcher[] {paths.matcher(rule.method(), rule.pattern())};
  }

  /** Every module's rules and the platform's own, most specific pattern first. */
  static List<AccessRule> allRules(List<SecurityRules> modules) {
    List<AccessRule> rules = new ArrayList<>();
    for (SecurityRules module : modules) {
      rules.addAll(module.rules());
    }
    PathPatternParser parser = PathPatternParser.defaultInstance;
    rules.sort(
        Comparator.<AccessRule, PathPattern>comparing(
                r -> parser.parse(r.pattern()), PathPattern.SPECIFICITY_COMPARATOR)
            .thenComparing(r -> r.method() == null));
    return rules;
  }
}
